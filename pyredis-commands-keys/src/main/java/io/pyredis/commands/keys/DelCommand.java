package io.pyredis.commands.keys;

/**
 * {@code DEL key [key ...]}
 */
public final class DelCommand extends DelGenericCommand {

    public DelCommand() {
        super("del", false);
    }
}
