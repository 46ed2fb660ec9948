package io.pyredis.server.internal.commands;

import io.pyredis.api.RedisError;
import io.pyredis.core.acl.AclUser;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;

/**
 * ACLAuthenticateUser, shared by AUTH and HELLO AUTH: the client runs as the user when
 * the user exists, is on and the password is one of its own (any, for a nopass user);
 * otherwise the failure goes to ACL LOG and the reply is WRONGPASS.
 */
final class Auth {

    static final RedisError WRONGPASS =
            new RedisError("WRONGPASS invalid username-password pair or user is disabled.");

    private Auth() {
    }

    /** Authenticates the calling client as {@code user}, or throws WRONGPASS. */
    static void authenticate(ServerContext server, CallContext c, byte[] user, byte[] password) {
        AclUser u = server.engine().acl().credentials(user, password);
        if (u == null) {
            server.engine().callUnit().aclLogAuthFailure(c.client(), c.args()[0], user);
            throw WRONGPASS;
        }
        c.client().user(u);
        c.client().authenticated(true);
    }
}
