package io.pyredis.commands.lists;

/**
 * {@code LMPOP numkeys key [key ...] <LEFT | RIGHT> [COUNT count]}
 */
public final class LMPopCommand extends LMPopGenericCommand {

    public LMPopCommand() {
        super("lmpop", false);
    }
}
