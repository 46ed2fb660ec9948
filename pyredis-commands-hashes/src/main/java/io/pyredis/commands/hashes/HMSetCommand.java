package io.pyredis.commands.hashes;

/**
 * {@code HMSET key field value [field value ...]}
 */
public final class HMSetCommand extends HSetGenericCommand {

    public HMSetCommand() {
        super("hmset", false);
    }
}
