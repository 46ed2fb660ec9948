package io.pyredis.server.internal.commands;

import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * {@code REPLICAOF host port | NO ONE} and its old name {@code SLAVEOF}: this server becomes
 * a replica of {@code host:port}, or a master again (Redis's replicaofCommand).
 */
public final class ReplicaofCommand extends BuiltinCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaofCommand.class);
    private static final RedisError BAD_PORT = new RedisError("ERR Invalid master port");

    private ReplicaofCommand(ServerContext server, String name) {
        super(server, name);
    }

    /** {@code REPLICAOF host port | NO ONE} */
    public static ReplicaofCommand replicaof(ServerContext server) {
        return new ReplicaofCommand(server, "replicaof");
    }

    /** {@code SLAVEOF host port | NO ONE} */
    public static ReplicaofCommand slaveof(ServerContext server) {
        return new ReplicaofCommand(server, "slaveof");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        StringBuilder who = new StringBuilder();
        ClientLines.append(who, c.client(), server.clock().millis(), 0);
        if (Keywords.is(args[1], "no") && Keywords.is(args[2], "one")) {
            if (server.replication().isReplica()) {
                server.replication().promote();
                LOG.info("MASTER MODE enabled (user request from '{}')", who);
            }
            c.reply().ok();
            return;
        }
        if (c.client().replica()) {
            throw new RedisError("ERR Command is not valid when client is a replica.");
        }
        long port = Numbers.parseLong(args[2], BAD_PORT);
        if (port < 0 || port > 65535) {
            throw BAD_PORT;
        }
        String host = new String(args[1], StandardCharsets.UTF_8);
        if (!server.replication().replicaOf(host, (int) port)) {
            c.reply().simple("OK Already connected to specified master");
            return;
        }
        LOG.info("REPLICAOF {}:{} enabled (user request from '{}')", host, port, who);
        c.reply().ok();
    }
}
