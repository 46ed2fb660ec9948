package io.pyredis.commands.sortedsets;

/**
 * {@code ZINTERCARD numkeys key [key ...] [LIMIT limit]}
 */
public final class ZInterCardCommand extends ZSetOpGenericCommand {

    public ZInterCardCommand() {
        super("zintercard", Op.INTER, false, true);
    }
}
