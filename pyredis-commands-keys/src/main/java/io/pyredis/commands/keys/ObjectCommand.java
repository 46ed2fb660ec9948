package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code OBJECT <ENCODING | FREQ | IDLETIME | REFCOUNT | HELP> ...}
 *
 * <p>A container: the dispatcher runs its subcommands.
 */
public final class ObjectCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("object");

    private final List<Command> subcommands = List.of(new ObjectEncodingCommand(), new ObjectFreqCommand(),
            new ObjectHelpCommand(), new ObjectIdleTimeCommand(), new ObjectRefCountCommand());

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
            if (c.spec().name().equalsIgnoreCase("object|" + name)) {
                c.execute(ctx, args);
                return;
            }
        }
        throw new RedisError("ERR unknown subcommand '" + name + "'. Try OBJECT HELP.");
    }

    /** Whether the configured maxmemory-policy is an LFU one (Redis's MAXMEMORY_FLAG_LFU). */
    static boolean lfuPolicy(CommandContext ctx) {
        String policy = ctx.config("maxmemory-policy");
        return policy != null && policy.toLowerCase(java.util.Locale.ROOT).endsWith("-lfu");
    }
}
