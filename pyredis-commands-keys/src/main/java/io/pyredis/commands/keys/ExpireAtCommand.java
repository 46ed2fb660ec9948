package io.pyredis.commands.keys;

/**
 * {@code EXPIREAT key unix-time-seconds [NX | XX | GT | LT]}
 */
public final class ExpireAtCommand extends ExpireGenericCommand {

    public ExpireAtCommand() {
        super("expireat", true, true);
    }
}
