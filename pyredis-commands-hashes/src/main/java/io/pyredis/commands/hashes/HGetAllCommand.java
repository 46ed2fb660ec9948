package io.pyredis.commands.hashes;

/**
 * {@code HGETALL key}
 */
public final class HGetAllCommand extends HGetAllGenericCommand {

    public HGetAllCommand() {
        super("hgetall", FIELDS | VALUES);
    }
}
