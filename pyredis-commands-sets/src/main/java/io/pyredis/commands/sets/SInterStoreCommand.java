package io.pyredis.commands.sets;

/**
 * {@code SINTERSTORE destination key [key ...]}
 */
public final class SInterStoreCommand extends SetOpGenericCommand {

    public SInterStoreCommand() {
        super("sinterstore", SetOps::inter, Events.SINTERSTORE);
    }
}
