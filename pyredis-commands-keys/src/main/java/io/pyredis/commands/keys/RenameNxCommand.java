package io.pyredis.commands.keys;

/**
 * {@code RENAMENX key newkey}
 */
public final class RenameNxCommand extends RenameGenericCommand {

    public RenameNxCommand() {
        super("renamenx", true);
    }
}
