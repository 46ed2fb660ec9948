package io.pyredis.server.internal.commands;

import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;

import java.util.List;

/**
 * {@code ROLE}: {@code master}, the replication offset and the replicas online (ip, port, acked
 * offset); on a replica {@code slave}, the master's host and port, the link state and the offset.
 */
public final class RoleCommand extends BuiltinCommand {

    public RoleCommand(ServerContext server) {
        super(server, "role");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Object[] replica = server.replication().replicaRole();
        if (replica != null) {
            c.reply().array(5);
            c.reply().bulk("slave");
            c.reply().bulk((String) replica[0]);
            c.reply().integer((Long) replica[1]);
            c.reply().bulk((String) replica[2]);
            c.reply().integer((Long) replica[3]);
            return;
        }
        List<String[]> replicas = server.replication().roleReplicas();
        c.reply().array(3);
        c.reply().bulk("master");
        c.reply().integer(server.replication().offset());
        c.reply().array(replicas.size());
        for (String[] r : replicas) {
            c.reply().array(3);
            for (String f : r) {
                c.reply().bulk(f);
            }
        }
    }
}
