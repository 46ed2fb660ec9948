package io.pyredis.commands.keys;

/**
 * {@code PEXPIRETIME key}
 */
public final class PExpireTimeCommand extends TtlGenericCommand {

    public PExpireTimeCommand() {
        super("pexpiretime", true, true);
    }
}
