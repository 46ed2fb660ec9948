package io.pyredis.server.internal.commands;

import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.core.command.ServerCommand;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A command of the server itself. It runs with the full {@link CallContext} (the client's
 * whole state, not just the session packs see) and the server's internals.
 */
public abstract class BuiltinCommand implements ServerCommand {

    private final CommandSpec spec;
    /** The server this command belongs to. */
    protected final ServerContext server;

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

    /**
     * The ACL categories of this command beyond those Redis derives from its flags (as the
     * {@code acl_categories} of Redis's command JSON, lower case without '@'), or null to
     * derive them from the group as for pack commands.
     */
    public List<String> aclCategories() {
        return null;
    }

    /** Redis's command tips ({@code nondeterministic_output}, ...), as COMMAND INFO shows them. */
    public List<String> tips() {
        return List.of();
    }

    /** {@code spec} with another complexity text (the helper below says O(1)). */
    protected static CommandSpec complexity(CommandSpec s, String complexity) {
        return new CommandSpec(s.name(), s.arity(), s.flags(), s.keys(), s.group(), s.since(), s.summary(),
                complexity, s.syntax());
    }

    /** A spec for a keyless command of {@code group}. */
    protected static CommandSpec spec(String name, int arity, String group, String since, String summary,
                                      String syntax, CommandFlag... flags) {
        Set<CommandFlag> f = flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags);
        return new CommandSpec(name, arity, f, KeySpec.NONE, group, since, summary, "O(1)", syntax);
    }
}
