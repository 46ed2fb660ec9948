package io.pyredis.commands.hashes;

/**
 * {@code HSET key field value [field value ...]}
 */
public final class HSetCommand extends HSetGenericCommand {

    public HSetCommand() {
        super("hset", true);
    }
}
