package io.pyredis.commands.streams;

/**
 * {@code XREVRANGE key end start [COUNT count]}
 */
public final class XRevRangeCommand extends XRangeGenericCommand {

    public XRevRangeCommand() {
        super("xrevrange", true);
    }
}
