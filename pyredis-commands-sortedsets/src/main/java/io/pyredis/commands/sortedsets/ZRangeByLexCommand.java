package io.pyredis.commands.sortedsets;

/**
 * {@code ZRANGEBYLEX key min max [LIMIT offset count]}
 */
public final class ZRangeByLexCommand extends ZRangeGenericCommand {

    public ZRangeByLexCommand() {
        super("zrangebylex", false, Type.LEX, Boolean.FALSE);
    }
}
