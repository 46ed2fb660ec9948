package io.pyredis.commands.lists;

/**
 * {@code LPUSHX key element [element ...]}
 */
public final class LPushXCommand extends PushGenericCommand {

    public LPushXCommand() {
        super("lpushx", true, true);
    }
}
