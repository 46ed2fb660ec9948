package io.pyredis.commands.sortedsets;

/**
 * {@code ZREMRANGEBYLEX key min max}
 */
public final class ZRemRangeByLexCommand extends ZRemRangeGenericCommand {

    public ZRemRangeByLexCommand() {
        super("zremrangebylex", ZSets::lexRange, Events.ZREMRANGEBYLEX);
    }
}
