package io.pyredis.commands.sets;

/**
 * {@code SDIFF key [key ...]}
 */
public final class SDiffCommand extends SetOpGenericCommand {

    public SDiffCommand() {
        super("sdiff", SetOps::diff, null);
    }
}
