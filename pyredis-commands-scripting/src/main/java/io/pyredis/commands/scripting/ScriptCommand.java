package io.pyredis.commands.scripting;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code SCRIPT <EXISTS | FLUSH | HELP | KILL | LOAD> ...}
 *
 * <p>A container: the dispatcher runs its subcommands.
 */
final class ScriptCommand implements Command {

    private static final CommandSpec SPEC = ScriptingPack.METADATA.spec("script");

    private final List<Command> subcommands;

    ScriptCommand(Scripting scripting) {
        subcommands = List.of(new ScriptExistsCommand(scripting), new ScriptFlushCommand(scripting),
                new ScriptHelpCommand(), new ScriptKillCommand(scripting), new ScriptLoadCommand(scripting));
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public List<Command> subcommands() {
        return subcommands;
    }

    /** Only reached if a caller bypasses the dispatcher's subcommand lookup: answer as it would. */
    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        String name = new String(args[1], StandardCharsets.UTF_8);
        for (Command c : subcommands) {
            if (c.spec().name().equalsIgnoreCase("script|" + name)) {
                c.execute(ctx, args);
                return;
            }
        }
        throw new RedisError("ERR unknown subcommand '" + name + "'. Try SCRIPT HELP.");
    }
}
