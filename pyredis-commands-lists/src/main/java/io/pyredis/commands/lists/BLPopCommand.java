package io.pyredis.commands.lists;

/**
 * {@code BLPOP key [key ...] timeout}
 */
public final class BLPopCommand extends BlockingPopGenericCommand {

    public BLPopCommand() {
        super("blpop", true);
    }
}
