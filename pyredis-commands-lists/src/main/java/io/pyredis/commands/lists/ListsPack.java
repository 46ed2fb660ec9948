package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/** Redis's list command group, as in Redis 7.0, blocking commands included. */
public final class ListsPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(ListsPack.class.getResourceAsStream("commands.json"));

    public ListsPack() {
        super("lists", SpiVersion.CURRENT, List.of(
                new LPushCommand(), new RPushCommand(), new LPushXCommand(), new RPushXCommand(),
                new LPopCommand(), new RPopCommand(), new LLenCommand(), new LRangeCommand(),
                new LIndexCommand(), new LSetCommand(), new LInsertCommand(), new LRemCommand(),
                new LTrimCommand(), new LPosCommand(), new LMoveCommand(), new RPopLPushCommand(),
                new LMPopCommand(), new BLPopCommand(), new BRPopCommand(), new BLMoveCommand(),
                new BRPopLPushCommand(), new BLMPopCommand()));
    }
}
