package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.persistence.Persistence;

import java.nio.charset.StandardCharsets;

/**
 * {@code BGSAVE [SCHEDULE]}: starts a background save and replies at once; a failure
 * shows later, in INFO and as MISCONF.
 */
public final class BgsaveCommand extends BuiltinCommand {

    public BgsaveCommand(ServerContext server) {
        super(server, "bgsave");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        boolean schedule = false;
        if (args.length > 1) {
            if (args.length > 2 || !new String(args[1], StandardCharsets.ISO_8859_1).equalsIgnoreCase("schedule")) {
                throw RedisError.SYNTAX;
            }
            schedule = true;
        }
        Persistence p = server.persistence();
        if (p.bgsaveInProgress()) {
            throw new RedisError("ERR Background save already in progress");
        }
        if (server.aof().rewriteInProgress()) {
            if (!schedule) {
                throw new RedisError("ERR Another child process is active (AOF?): can't BGSAVE right now. "
                        + "Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
            }
            p.scheduleBgsave();
            c.reply().simple("Background saving scheduled");
            return;
        }
        p.bgsave();
        c.reply().simple("Background saving started");
    }
}
