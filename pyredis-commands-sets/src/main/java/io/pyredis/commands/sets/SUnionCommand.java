package io.pyredis.commands.sets;

/**
 * {@code SUNION key [key ...]}
 */
public final class SUnionCommand extends SetOpGenericCommand {

    public SUnionCommand() {
        super("sunion", SetOps::union, null);
    }
}
