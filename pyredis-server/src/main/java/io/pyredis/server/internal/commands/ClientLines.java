package io.pyredis.server.internal.commands;

import io.pyredis.core.client.Subscriptions;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.protocol.RespWriter;
import io.pyredis.core.client.Client;
import io.pyredis.core.pubsub.PubSub;
import io.pyredis.core.client.Transaction;
import io.pyredis.core.client.TrackingState;
import io.pyredis.core.command.CommandEntry;

/**
 * One client as CLIENT LIST and CLIENT INFO show it, in Redis 7.0's field order
 * (networking.c catClientInfoString). Fields pyredis has no counterpart for (query
 * buffer, output lists) are shown at their idle values.
 */
final class ClientLines {

    private ClientLines(ServerContext server) {
    }

    /**
     * Appends the line of {@code s}, without the trailing newline.
     *
     * @param argvMem the bytes of the arguments of the command being run, for the calling
     *                client (Redis's argv-mem); 0 for the others
     */
    static void append(StringBuilder sb, Client s, long nowMillis, long argvMem) {
        RespWriter w = s.reply();
        int rbs = w.buffer().length;
        // Bytes written for this client and not yet sent: the calling client's earlier
        // pipelined replies (Redis's obl).
        int obl = w.size();
        // Replies the connection could not send yet (Redis's reply list, omem).
        long omem = s.queuedOutputBytes();
        CommandEntry last = s.lastCommand();
        Transaction tx = s.transaction(false);
        String name = s.name();
        TrackingState tracking = s.tracking();
        sb.append("id=").append(s.id())
                .append(" addr=").append(s.remoteAddress())
                .append(" laddr=").append(s.localAddress())
                .append(" fd=").append(s.fd())
                .append(" name=").append(name == null ? "" : name)
                .append(" age=").append(Math.max(0, (nowMillis - s.createdMillis()) / 1000))
                .append(" idle=").append(Math.max(0, (nowMillis - s.lastInteractionMillis()) / 1000))
                .append(" flags=").append(flags(s))
                .append(" db=").append(s.db())
                .append(" sub=").append(PubSub.count(s, Subscriptions.Kind.CHANNEL))
                .append(" psub=").append(PubSub.count(s, Subscriptions.Kind.PATTERN))
                .append(" ssub=").append(PubSub.count(s, Subscriptions.Kind.SHARD))
                .append(" multi=").append(tx == null ? -1 : tx.queued())
                .append(" qbuf=").append(s.queryBufferBytes()).append(" qbuf-free=0")
                .append(" argv-mem=").append(argvMem)
                .append(" multi-mem=").append(tx == null ? 0 : tx.queuedBytes())
                .append(" rbs=").append(rbs)
                .append(" rbp=").append(rbs)
                .append(" obl=").append(obl)
                .append(" oll=").append(omem > 0 ? 1 : 0).append(" omem=").append(omem)
                .append(" tot-mem=").append(rbs + argvMem + omem)
                .append(" events=r")
                .append(" cmd=").append(last == null ? "NULL" : last.name())
                .append(" user=").append(s.user() == null ? "(superuser)" : s.user().name())
                .append(" redir=").append(tracking == null ? -1 : tracking.redirect)
                .append(" resp=").append(s.protocol());
    }

    /** Redis's flags letters, in catClientInfoString's order, for the states pyredis has. */
    private static String flags(Client c) {
        StringBuilder f = new StringBuilder(4);
        if (c.replica()) {
            f.append('S');
        }
        if (c.monitor()) {
            f.append('O');
        }
        if (c.subscriptionCount() > 0) {
            f.append('P');
        }
        Transaction tx = c.transaction(false);
        if (tx != null && tx.inMulti()) {
            f.append('x');
        }
        if (c.isBlocked()) {
            f.append('b');
        }
        ClientTrackingCommands.flags(c, f);
        if (tx != null && tx.dirtyCas()) {
            f.append('d');
        }
        if (c.noEvict()) {
            f.append('e');
        }
        return f.length() == 0 ? "N" : f.toString();
    }

    /** Redis's argv-mem: the bytes of the arguments (Redis counts sds lengths). */
    static long argvMem(byte[][] args) {
        long n = 0;
        for (byte[] a : args) {
            n += a.length;
        }
        return n;
    }
}
