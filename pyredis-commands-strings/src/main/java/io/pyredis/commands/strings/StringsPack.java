package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;

import java.util.List;

/** Redis's string command group, as in Redis 7.0. */
public final class StringsPack implements CommandPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(StringsPack.class.getResourceAsStream("commands.json"));

    private final List<Command> commands = List.of(
            new GetCommand(), new SetCommand(), new SetNxCommand(), new SetExCommand(), new PSetExCommand(),
            new GetSetCommand(), new GetDelCommand(), new GetExCommand(),
            new MGetCommand(), new MSetCommand(), new MSetNxCommand(),
            new IncrCommand(), new DecrCommand(), new IncrByCommand(), new DecrByCommand(),
            new IncrByFloatCommand(),
            new AppendCommand(), new StrLenCommand(), new GetRangeCommand(), new SetRangeCommand(),
            new SubstrCommand(), new LcsCommand());

    @Override
    public String name() {
        return "strings";
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
