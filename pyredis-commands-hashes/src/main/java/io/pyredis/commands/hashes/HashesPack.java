package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/** Redis's hash command group, as in Redis 7.0. */
public final class HashesPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(HashesPack.class.getResourceAsStream("commands.json"));

    public HashesPack() {
        super("hashes", SpiVersion.CURRENT, List.of(
                new HSetCommand(), new HSetNxCommand(), new HGetCommand(), new HMGetCommand(), new HMSetCommand(),
                new HDelCommand(), new HLenCommand(), new HStrLenCommand(), new HExistsCommand(),
                new HKeysCommand(), new HValsCommand(), new HGetAllCommand(),
                new HIncrByCommand(), new HIncrByFloatCommand(), new HRandFieldCommand(), new HScanCommand()));
    }
}
