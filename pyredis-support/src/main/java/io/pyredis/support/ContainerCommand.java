package io.pyredis.support;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A container command (OBJECT, SCRIPT, XINFO, XGROUP): its subcommands are commands of their
 * own, found by the server's dispatcher, which also answers an unknown subcommand. The
 * container's {@code execute} is only reached by a caller that bypasses that look-up, and
 * answers as the dispatcher would.
 *
 * @since 0.1
 */
public class ContainerCommand extends GenericCommand {

    private final List<Command> subcommands;

    /**
     * @param spec        the container's spec, from its pack's {@link CommandMetadata}
     * @param subcommands its subcommands, each with a {@code container|sub} spec name
     * @since 0.1
     */
    public ContainerCommand(CommandSpec spec, List<Command> subcommands) {
        super(spec);
        this.subcommands = List.copyOf(subcommands);
    }

    @Override
    public final List<Command> subcommands() {
        return subcommands;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        String name = new String(args[1], StandardCharsets.UTF_8);
        String container = spec().name();
        for (Command c : subcommands) {
            if (c.spec().name().equalsIgnoreCase(container + "|" + name)) {
                c.execute(ctx, args);
                return;
            }
        }
        throw new RedisError("ERR unknown subcommand '" + name + "'. Try "
                + container.toUpperCase(java.util.Locale.ROOT) + " HELP.");
    }
}
