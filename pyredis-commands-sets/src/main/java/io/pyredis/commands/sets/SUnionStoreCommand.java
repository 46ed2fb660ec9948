package io.pyredis.commands.sets;

/**
 * {@code SUNIONSTORE destination key [key ...]}
 */
public final class SUnionStoreCommand extends SetOpGenericCommand {

    public SUnionStoreCommand() {
        super("sunionstore", SetOps::union, Events.SUNIONSTORE);
    }
}
