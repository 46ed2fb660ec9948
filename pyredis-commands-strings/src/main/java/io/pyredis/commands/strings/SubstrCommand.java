package io.pyredis.commands.strings;

/**
 * {@code SUBSTR key start end} (deprecated since 2.0.0: GETRANGE is the same command)
 */
public final class SubstrCommand extends GetRangeGenericCommand {

    public SubstrCommand() {
        super("substr");
    }
}
