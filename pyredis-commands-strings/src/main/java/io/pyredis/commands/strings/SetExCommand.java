package io.pyredis.commands.strings;

/**
 * {@code SETEX key seconds value}
 */
public final class SetExCommand extends SetExGenericCommand {

    public SetExCommand() {
        super("setex", SetCore.EX);
    }
}
