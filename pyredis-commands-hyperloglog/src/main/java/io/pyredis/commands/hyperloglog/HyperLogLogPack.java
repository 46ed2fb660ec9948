package io.pyredis.commands.hyperloglog;

import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/** Redis's HyperLogLog command group, as in Redis 7.0. */
public final class HyperLogLogPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(HyperLogLogPack.class.getResourceAsStream("commands.json"));

    public HyperLogLogPack() {
        super("hyperloglog", SpiVersion.CURRENT, List.of(
                new PfAddCommand(), new PfCountCommand(), new PfMergeCommand(), new PfDebugCommand(),
                new PfSelfTestCommand()));
    }
}
