package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;

/**
 * {@code BLMPOP timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]}
 */
public final class BLMPopCommand extends LMPopGenericCommand implements BlockingCommand {

    public BLMPopCommand() {
        super("blmpop", true);
    }
}
