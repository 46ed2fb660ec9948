package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.persistence.Persistence;

import java.nio.charset.StandardCharsets;

/**
 * {@code FLUSHDB [ASYNC | SYNC]} and {@code FLUSHALL [ASYNC | SYNC]}. Both modes empty the
 * database(s) at once; ASYNC (or neither word with lazyfree-lazy-user-flush on) hands the
 * old contents to the lazyfree thread whole, as Redis's emptyDbAsync, so the command does
 * not walk them.
 */
public final class FlushdbCommand extends BuiltinCommand {

    private final boolean all;

    private FlushdbCommand(ServerContext server, boolean all) {
        super(server, all ? "flushall" : "flushdb");
        this.all = all;
    }

    /** {@code FLUSHDB} */
    public static FlushdbCommand flushdb(ServerContext server) {
        return new FlushdbCommand(server, false);
    }

    /** {@code FLUSHALL} */
    public static FlushdbCommand flushall(ServerContext server) {
        return new FlushdbCommand(server, true);
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        // Redis's getFlushCommandFlags: at most one word, ASYNC or SYNC.
        if (args.length > 2) {
            throw RedisError.SYNTAX;
        }
        boolean async = server.config().lazyfreeLazyUserFlush.isOn();
        if (args.length == 2) {
            String mode = new String(args[1], StandardCharsets.ISO_8859_1);
            if (mode.equalsIgnoreCase("async")) {
                async = true;
            } else if (mode.equalsIgnoreCase("sync")) {
                async = false;
            } else {
                throw RedisError.SYNTAX;
            }
        }
        // Watches on keys that exist fail first (Redis's touchAllWatchedKeysInDb); no
        // keyspace event is sent per key, as in Redis; tracking clients get a null invalidation
        // (Redis's signalFlushedDb).
        Persistence p = server.persistence();
        if (all) {
            for (int db = 0; db < c.databases(); db++) {
                server.watches().touchAllInDb(db, -1);
                server.blockedClients().databaseFlushing(db);
            }
            server.engine().tracking().flushed();
            long removed = server.keyspace().totalKeys();
            p.flushingAll();
            server.keyspace().flushAll(async);
            // As Redis 7.0's flushAllDataAndResetRDB: with save rules the snapshot on disk is
            // made empty at once, so a restart does not bring the keys back.
            if (p.hasSaveRules()) {
                p.saveAfterFlushall();
            } else {
                p.flushed(removed);
            }
        } else {
            server.watches().touchAllInDb(c.session().db(), -1);
            server.blockedClients().databaseFlushing(c.session().db());
            server.engine().tracking().flushed();
            long removed = c.db().size();
            server.keyspace().flush(c.session().db(), async);
            p.flushed(removed);
        }
        // Recorded as sent even when nothing was there to remove (Redis 7.0's
        // forceCommandPropagation): ASYNC/SYNC included, in the client's database.
        c.propagate(args);
        c.reply().ok();
    }
}
