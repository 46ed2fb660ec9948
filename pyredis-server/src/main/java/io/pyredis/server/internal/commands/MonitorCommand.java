package io.pyredis.server.internal.commands;

import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;

/** {@code MONITOR}: streams every command the server runs to this client, as Redis's monitorCommand. */
public final class MonitorCommand extends BuiltinCommand {

    public MonitorCommand(ServerContext server) {
        super(server, "monitor");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        if (c.client().blockingDenied()) {
            // A client that expects a reply per command (inside MULTI, a script) cannot monitor.
            c.reply().error("ERR MONITOR isn't allowed for DENY BLOCKING client");
            return;
        }
        if (c.client().monitor()) {
            return;
        }
        server.monitors().add(c.client());
        c.reply().ok();
    }
}
