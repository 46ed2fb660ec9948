package io.pyredis.commands.streams;

/**
 * {@code XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]}
 */
public final class XReadCommand extends XReadGenericCommand {

    public XReadCommand() {
        super("xread", false);
    }
}
