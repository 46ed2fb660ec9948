package io.pyredis.commands.keys;

/**
 * {@code EXPIRE key seconds [NX | XX | GT | LT]}
 */
public final class ExpireCommand extends ExpireGenericCommand {

    public ExpireCommand() {
        super("expire", true, false);
    }
}
