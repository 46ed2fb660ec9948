package io.pyredis.commands.lists;

/**
 * {@code RPOPLPUSH source destination}
 */
public final class RPopLPushCommand extends LMoveGenericCommand {

    public RPopLPushCommand() {
        super("rpoplpush", false, null);
    }
}
