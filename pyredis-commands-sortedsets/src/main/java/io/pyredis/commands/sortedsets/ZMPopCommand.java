package io.pyredis.commands.sortedsets;

/**
 * {@code ZMPOP numkeys key [key ...] <MIN | MAX> [COUNT count]}
 */
public final class ZMPopCommand extends ZMPopGenericCommand {

    public ZMPopCommand() {
        super("zmpop", false);
    }
}
