package io.pyredis.commands.sortedsets;

/**
 * {@code ZDIFF numkeys key [key ...] [WITHSCORES]}
 */
public final class ZDiffCommand extends ZSetOpGenericCommand {

    public ZDiffCommand() {
        super("zdiff", Op.DIFF, false, false);
    }
}
