package io.pyredis.server.internal.commands;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.core.client.Client;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.replication.Waits;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;

/**
 * {@code WAIT numreplicas timeout}: blocks until {@code numreplicas} replicas acknowledged
 * the replication stream up to now, or the timeout (ms, 0 for ever) passed; replies the
 * number that did. It blocks through the blocking of BLPOP, on a key of its own no
 * command can write, and is woken by the replicas' ACKs.
 */
public final class WaitCommand extends BuiltinCommand implements BlockingCommand {

    private static final RedisError NOT_INTEGER = new RedisError("ERR value is not an integer or out of range");
    private static final byte[][] WAIT_KEY = {"\0pyredis:wait-for-replicas".getBytes(StandardCharsets.ISO_8859_1)};

    public WaitCommand(ServerContext server) {
        super(server, "wait");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        if (server.replication().isReplica()) {
            throw new RedisError("ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 "
                    + "if a replica is configured to be writable (which is not the default) writes to replicas are just "
                    + "local and are not propagated.");
        }
        long numreplicas = Numbers.parseLong(args[1], NOT_INTEGER);
        long timeout = ClientPause.timeoutMillis(args[2]);
        Client client = c.client();
        Waits waits = server.replication().waits();
        int acked = waits.acked(client);
        if (acked >= numreplicas || client.inMulti() || !c.block(WAIT_KEY, timeout)) {
            waits.done(client);
            c.reply().integer(acked);
            return;
        }
        waits.waitFor(client, numreplicas);
    }

    @Override
    public void timeout(CommandContext ctx, byte[][] args) {
        Client client = ((CallContext) ctx).client();
        Waits waits = server.replication().waits();
        ctx.reply().integer(waits.acked(client));
        waits.done(client);
    }
}
