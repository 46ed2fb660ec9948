package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.RedisError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The default user's password check, shared by AUTH and HELLO. Until ACLs exist there is
 * one user, {@code default}; with no {@code requirepass} it is "nopass" and any password
 * is accepted for it, as in Redis.
 */
final class Auth {

    static final RedisError WRONGPASS =
            new RedisError("WRONGPASS invalid username-password pair or user is disabled.");

    private static final byte[] DEFAULT_USER = "default".getBytes(StandardCharsets.US_ASCII);

    private Auth() {
    }

    /** Whether {@code user}/{@code password} are the default user's credentials. */
    static boolean check(ServerContext server, byte[] user, byte[] password) {
        if (!MessageDigest.isEqual(user, DEFAULT_USER)) {
            return false;
        }
        String required = server.config().requirepass.value();
        if (required.isEmpty()) {
            return true;
        }
        // Constant time, as Redis's time_independent_strcmp.
        return MessageDigest.isEqual(password, required.getBytes(StandardCharsets.UTF_8));
    }
}
