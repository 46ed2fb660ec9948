package io.pyredis.commands.lists;

/**
 * {@code LPUSH key element [element ...]}
 */
public final class LPushCommand extends PushGenericCommand {

    public LPushCommand() {
        super("lpush", true, false);
    }
}
