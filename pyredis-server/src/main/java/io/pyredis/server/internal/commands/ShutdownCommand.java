package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code SHUTDOWN [NOSAVE | SAVE] [NOW] [FORCE] [ABORT]}: stops the server; the client gets
 * no reply, only the closed connection, as from Redis. The RDB snapshot is saved
 * first with SAVE, or without NOSAVE when save rules exist; a failed save stops the
 * shutdown unless FORCE. In an
 * embedded server this stops the server, never the JVM.
 */
public final class ShutdownCommand extends BuiltinCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownCommand.class);

    public ShutdownCommand(ServerContext server) {
        super(server, "shutdown");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        boolean nosave = false;
        boolean save = false;
        boolean other = false;
        boolean abort = false;
        for (int i = 1; i < args.length; i++) {
            switch (new String(args[i], StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)) {
                case "nosave":
                    nosave = true;
                    break;
                case "save":
                    save = true;
                    break;
                case "now":
                case "force":
                    other = true;
                    break;
                case "abort":
                    abort = true;
                    break;
                default:
                    throw RedisError.SYNTAX;
            }
        }
        if ((abort && (nosave || save || other)) || (nosave && save)) {
            throw RedisError.SYNTAX;
        }
        if (abort) {
            // A shutdown here never waits (no replicas to catch up), so none is ever in progress.
            throw new RedisError("ERR No shutdown in progress.");
        }
        LOG.warn("User requested shutdown...");
        boolean force = false;
        for (int i = 1; i < args.length; i++) {
            if (new String(args[i], StandardCharsets.ISO_8859_1).equalsIgnoreCase("force")) {
                force = true;
            }
        }
        if (!nosave && (save || server.persistence().hasSaveRules())) {
            LOG.info("Saving the final RDB snapshot before exiting.");
            if (!server.persistence().save() && !force) {
                LOG.warn("Error trying to save the DB, can't exit.");
                throw new RedisError("ERR Errors trying to SHUTDOWN. Check logs.");
            }
        }
        c.client().close();
        server.requestShutdown();
    }
}
