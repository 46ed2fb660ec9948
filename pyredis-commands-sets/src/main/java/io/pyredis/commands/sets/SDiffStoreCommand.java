package io.pyredis.commands.sets;

/**
 * {@code SDIFFSTORE destination key [key ...]}
 */
public final class SDiffStoreCommand extends SetOpGenericCommand {

    public SDiffStoreCommand() {
        super("sdiffstore", SetOps::diff, Events.SDIFFSTORE);
    }
}
