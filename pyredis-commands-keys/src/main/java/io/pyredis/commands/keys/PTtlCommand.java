package io.pyredis.commands.keys;

/**
 * {@code PTTL key}
 */
public final class PTtlCommand extends TtlGenericCommand {

    public PTtlCommand() {
        super("pttl", true, false);
    }
}
