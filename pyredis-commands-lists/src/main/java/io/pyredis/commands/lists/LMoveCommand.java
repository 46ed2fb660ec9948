package io.pyredis.commands.lists;

/**
 * {@code LMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT>}
 */
public final class LMoveCommand extends LMoveGenericCommand {

    public LMoveCommand() {
        super("lmove", true, null);
    }
}
