package io.pyredis.commands.sets;

/**
 * {@code SINTER key [key ...]}
 */
public final class SInterCommand extends SetOpGenericCommand {

    public SInterCommand() {
        super("sinter", SetOps::inter, null);
    }
}
