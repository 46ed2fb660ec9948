package io.pyredis.server.internal.commands;

import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.core.command.ServerCommand;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;

/**
 * A command of the server itself. It runs with the full {@link CallContext} (the client's
 * whole state, not just the session packs see) and the server's internals.
 */
public abstract class BuiltinCommand implements ServerCommand {

    private final CommandSpec spec;
    /** The server this command belongs to. */
    protected final ServerContext server;

    /** The command {@code name} ({@code "ping"}, {@code "config|get"}), described by the server's commands.json. */
    protected BuiltinCommand(ServerContext server, String name) {
        this.server = server;
        this.spec = BuiltinCommands.METADATA.spec(name);
    }

    /** A command of pyredis's own, not Redis's: its metadata is declared in code, not in commands.json. */
    protected BuiltinCommand(ServerContext server, CommandSpec spec) {
        this.server = server;
        this.spec = spec;
    }

    @Override
    public final CommandSpec spec() {
        return spec;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        execute((CallContext) ctx, args);
    }

    /** Runs the command; the call unit has checked arity and authentication. */
    protected abstract void execute(CallContext c, byte[][] args);
}
