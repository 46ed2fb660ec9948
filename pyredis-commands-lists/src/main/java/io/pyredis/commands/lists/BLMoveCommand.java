package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;

/**
 * {@code BLMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT> timeout}
 */
public final class BLMoveCommand extends LMoveGenericCommand implements BlockingCommand {

    public BLMoveCommand() {
        super("blmove", true, Propagation.LMOVE);
    }
}
