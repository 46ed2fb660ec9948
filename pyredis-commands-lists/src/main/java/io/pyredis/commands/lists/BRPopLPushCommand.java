package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;

/**
 * {@code BRPOPLPUSH source destination timeout}
 */
public final class BRPopLPushCommand extends LMoveGenericCommand implements BlockingCommand {

    public BRPopLPushCommand() {
        super("brpoplpush", false, Propagation.RPOPLPUSH);
    }
}
