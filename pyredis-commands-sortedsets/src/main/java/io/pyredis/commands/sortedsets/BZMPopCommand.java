package io.pyredis.commands.sortedsets;

import io.pyredis.api.BlockingCommand;

/**
 * {@code BZMPOP timeout numkeys key [key ...] <MIN | MAX> [COUNT count]}
 */
public final class BZMPopCommand extends ZMPopGenericCommand implements BlockingCommand {

    public BZMPopCommand() {
        super("bzmpop", true);
    }
}
