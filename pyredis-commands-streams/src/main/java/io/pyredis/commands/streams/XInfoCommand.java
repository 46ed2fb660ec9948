package io.pyredis.commands.streams;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;

import java.util.List;

/**
 * {@code XINFO <CONSUMERS | GROUPS | STREAM | HELP> ...}
 *
 * <p>A container: the dispatcher runs its subcommands.
 */
public final class XInfoCommand implements Command {

    private static final CommandSpec SPEC = StreamsPack.METADATA.spec("xinfo");

    private final List<Command> subcommands = List.of(new XInfoConsumersCommand(), new XInfoGroupsCommand(),
            new XInfoStreamCommand(), new XInfoHelpCommand());

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public List<Command> subcommands() {
        return subcommands;
    }

    /** Only reached if a caller bypasses the dispatcher's subcommand lookup. */
    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        throw new RedisError("ERR unknown subcommand '" + Streams.text(args[1]) + "'. Try XINFO HELP.");
    }
}
