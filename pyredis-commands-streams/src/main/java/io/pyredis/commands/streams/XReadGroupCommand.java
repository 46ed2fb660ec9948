package io.pyredis.commands.streams;

/**
 * {@code XREADGROUP GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key [key ...] id [id ...]}
 */
public final class XReadGroupCommand extends XReadGenericCommand {

    public XReadGroupCommand() {
        super("xreadgroup", true);
    }
}
