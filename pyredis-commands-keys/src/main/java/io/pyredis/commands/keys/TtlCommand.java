package io.pyredis.commands.keys;

/**
 * {@code TTL key}
 */
public final class TtlCommand extends TtlGenericCommand {

    public TtlCommand() {
        super("ttl", false, false);
    }
}
