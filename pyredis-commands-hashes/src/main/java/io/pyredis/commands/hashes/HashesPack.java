package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;

import java.util.List;

/** Redis's hash command group, as in Redis 7.0. */
public final class HashesPack implements CommandPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(HashesPack.class.getResourceAsStream("commands.json"));

    private final List<Command> commands = List.of(
            new HSetCommand(), new HSetNxCommand(), new HGetCommand(), new HMGetCommand(), new HMSetCommand(),
            new HDelCommand(), new HLenCommand(), new HStrLenCommand(), new HExistsCommand(),
            new HKeysCommand(), new HValsCommand(), new HGetAllCommand(),
            new HIncrByCommand(), new HIncrByFloatCommand(), new HRandFieldCommand(), new HScanCommand());

    @Override
    public String name() {
        return "hashes";
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<Command> commands() {
        return commands;
    }
}
