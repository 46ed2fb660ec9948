package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/** Redis's sorted-set command group, as in Redis 7.0. */
public final class SortedSetsPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(SortedSetsPack.class.getResourceAsStream("commands.json"));

    public SortedSetsPack() {
        super("sortedsets", SpiVersion.CURRENT, List.of(
                new ZAddCommand(),
                new ZIncrByCommand(),
                new ZRemCommand(),
                new ZCardCommand(),
                new ZCountCommand(),
                new ZLexCountCommand(),
                new ZScoreCommand(),
                new ZMScoreCommand(),
                new ZRankCommand(),
                new ZRevRankCommand(),
                new ZRangeCommand(),
                new ZRangeStoreCommand(),
                new ZRevRangeCommand(),
                new ZRangeByScoreCommand(),
                new ZRevRangeByScoreCommand(),
                new ZRangeByLexCommand(),
                new ZRevRangeByLexCommand(),
                new ZRemRangeByRankCommand(),
                new ZRemRangeByScoreCommand(),
                new ZRemRangeByLexCommand(),
                new ZPopMinCommand(),
                new ZPopMaxCommand(),
                new ZMPopCommand(),
                new ZRandMemberCommand(),
                new ZUnionCommand(),
                new ZInterCommand(),
                new ZDiffCommand(),
                new ZUnionStoreCommand(),
                new ZInterStoreCommand(),
                new ZDiffStoreCommand(),
                new ZInterCardCommand(),
                new ZScanCommand(),
                new BZPopMinCommand(),
                new BZPopMaxCommand(),
                new BZMPopCommand()));
    }
}
