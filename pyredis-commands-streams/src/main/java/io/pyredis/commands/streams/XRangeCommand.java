package io.pyredis.commands.streams;

/**
 * {@code XRANGE key start end [COUNT count]}
 */
public final class XRangeCommand extends XRangeGenericCommand {

    public XRangeCommand() {
        super("xrange", false);
    }
}
