package io.pyredis.commands.sortedsets;

/**
 * {@code ZREVRANGEBYLEX key max min [LIMIT offset count]}
 */
public final class ZRevRangeByLexCommand extends ZRangeGenericCommand {

    public ZRevRangeByLexCommand() {
        super("zrevrangebylex", false, Type.LEX, Boolean.TRUE);
    }
}
