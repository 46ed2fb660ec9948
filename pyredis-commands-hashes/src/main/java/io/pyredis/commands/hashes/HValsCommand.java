package io.pyredis.commands.hashes;

/**
 * {@code HVALS key}
 */
public final class HValsCommand extends HGetAllGenericCommand {

    public HValsCommand() {
        super("hvals", VALUES);
    }
}
