package io.pyredis.commands.keys;

import io.pyredis.api.CommandContext;
import io.pyredis.support.ContainerCommand;

import java.util.List;

/**
 * {@code OBJECT <ENCODING | FREQ | IDLETIME | REFCOUNT | HELP> ...}
 *
 * <p>A container: the dispatcher runs its subcommands.
 */
public final class ObjectCommand extends ContainerCommand {

    public ObjectCommand() {
        super(KeysPack.METADATA.spec("object"), List.of(new ObjectEncodingCommand(), new ObjectFreqCommand(),
                new ObjectHelpCommand(), new ObjectIdleTimeCommand(), new ObjectRefCountCommand()));
    }

    /** Whether the configured maxmemory-policy is an LFU one (Redis's MAXMEMORY_FLAG_LFU). */
    static boolean lfuPolicy(CommandContext ctx) {
        String policy = ctx.config("maxmemory-policy");
        return policy != null && policy.toLowerCase(java.util.Locale.ROOT).endsWith("-lfu");
    }
}
