package io.pyredis.commands.sortedsets;

/**
 * {@code ZLEXCOUNT key min max}
 */
public final class ZLexCountCommand extends ZCountGenericCommand {

    public ZLexCountCommand() {
        super("zlexcount", ZSets::lexRange);
    }
}
