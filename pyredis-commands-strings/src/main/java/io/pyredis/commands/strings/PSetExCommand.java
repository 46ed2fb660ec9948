package io.pyredis.commands.strings;

/**
 * {@code PSETEX key milliseconds value}
 */
public final class PSetExCommand extends SetExGenericCommand {

    public PSetExCommand() {
        super("psetex", SetCore.PX);
    }
}
