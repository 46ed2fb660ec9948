package io.pyredis.commands.lists;

/**
 * {@code RPUSHX key element [element ...]}
 */
public final class RPushXCommand extends PushGenericCommand {

    public RPushXCommand() {
        super("rpushx", false, true);
    }
}
