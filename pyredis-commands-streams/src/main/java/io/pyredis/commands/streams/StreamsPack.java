package io.pyredis.commands.streams;

import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/** Redis's streams command group, as in Redis 7.0. */
public final class StreamsPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(StreamsPack.class.getResourceAsStream("commands.json"));

    public StreamsPack() {
        super("streams", SpiVersion.CURRENT, List.of(
                new XAddCommand(), new XRangeCommand(), new XRevRangeCommand(), new XLenCommand(), new XDelCommand(),
                new XTrimCommand(), new XSetIdCommand(), new XReadCommand(), new XReadGroupCommand(),
                new XGroupCommand(), new XAckCommand(), new XPendingCommand(), new XClaimCommand(),
                new XAutoClaimCommand(), new XInfoCommand()));
    }
}
