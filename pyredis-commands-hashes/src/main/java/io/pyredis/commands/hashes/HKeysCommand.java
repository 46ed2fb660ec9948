package io.pyredis.commands.hashes;

/**
 * {@code HKEYS key}
 */
public final class HKeysCommand extends HGetAllGenericCommand {

    public HKeysCommand() {
        super("hkeys", FIELDS);
    }
}
