package io.pyredis.commands.lists;

/**
 * {@code BRPOP key [key ...] timeout}
 */
public final class BRPopCommand extends BlockingPopGenericCommand {

    public BRPopCommand() {
        super("brpop", false);
    }
}
