package io.pyredis.commands.keys;

/**
 * {@code PEXPIRE key milliseconds [NX | XX | GT | LT]}
 */
public final class PExpireCommand extends ExpireGenericCommand {

    public PExpireCommand() {
        super("pexpire", false, false);
    }
}
