package io.pyredis.commands.lists;

/**
 * {@code RPUSH key element [element ...]}
 */
public final class RPushCommand extends PushGenericCommand {

    public RPushCommand() {
        super("rpush", false, false);
    }
}
