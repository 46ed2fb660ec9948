package io.pyredis.commands.keys;

/**
 * {@code EXPIRETIME key}
 */
public final class ExpireTimeCommand extends TtlGenericCommand {

    public ExpireTimeCommand() {
        super("expiretime", false, true);
    }
}
