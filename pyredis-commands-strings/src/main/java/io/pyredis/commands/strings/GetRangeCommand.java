package io.pyredis.commands.strings;

/**
 * {@code GETRANGE key start end}
 */
public final class GetRangeCommand extends GetRangeGenericCommand {

    public GetRangeCommand() {
        super("getrange");
    }
}
