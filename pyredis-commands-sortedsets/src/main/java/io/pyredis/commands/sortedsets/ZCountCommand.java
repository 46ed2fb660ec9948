package io.pyredis.commands.sortedsets;

/**
 * {@code ZCOUNT key min max}
 */
public final class ZCountCommand extends ZCountGenericCommand {

    public ZCountCommand() {
        super("zcount", ZSets::scoreRange);
    }
}
