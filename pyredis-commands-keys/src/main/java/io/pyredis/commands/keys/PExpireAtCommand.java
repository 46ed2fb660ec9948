package io.pyredis.commands.keys;

/**
 * {@code PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]}
 */
public final class PExpireAtCommand extends ExpireGenericCommand {

    public PExpireAtCommand() {
        super("pexpireat", false, true);
    }
}
