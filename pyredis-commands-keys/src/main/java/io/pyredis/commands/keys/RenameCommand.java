package io.pyredis.commands.keys;

/**
 * {@code RENAME key newkey}
 *
 * <p>The time to live goes with the value; an existing {@code newkey} is replaced, its own
 * time to live with it.
 */
public final class RenameCommand extends RenameGenericCommand {

    public RenameCommand() {
        super("rename", false);
    }
}
