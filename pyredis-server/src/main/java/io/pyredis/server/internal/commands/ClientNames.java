package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.RedisError;

import java.nio.charset.StandardCharsets;

/** Client names as CLIENT SETNAME and HELLO SETNAME accept them. */
public final class ClientNames {

    static final RedisError BAD_NAME =
            new RedisError("ERR Client names cannot contain spaces, newlines or special characters.");

    private ClientNames(ServerContext server) {
    }

    /**
     * The name as a String (null for the empty name, which clears it).
     *
     * @throws RedisError when a byte is outside {@code '!'..'~'}, as Redis's clientSetName refuses
     */
    public static String validate(byte[] name) {
        for (byte b : name) {
            if (b < '!' || b > '~') {
                throw BAD_NAME;
            }
        }
        return name.length == 0 ? null : new String(name, StandardCharsets.US_ASCII);
    }
}
