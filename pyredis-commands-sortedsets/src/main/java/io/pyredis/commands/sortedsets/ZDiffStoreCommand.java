package io.pyredis.commands.sortedsets;

/**
 * {@code ZDIFFSTORE destination numkeys key [key ...]}
 */
public final class ZDiffStoreCommand extends ZSetOpGenericCommand {

    public ZDiffStoreCommand() {
        super("zdiffstore", Op.DIFF, true, false);
    }
}
