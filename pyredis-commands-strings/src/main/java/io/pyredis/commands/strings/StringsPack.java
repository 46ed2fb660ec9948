package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/** Redis's string command group, as in Redis 7.0. */
public final class StringsPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(StringsPack.class.getResourceAsStream("commands.json"));

    public StringsPack() {
        super("strings", SpiVersion.CURRENT, List.of(
                new GetCommand(), new SetCommand(), new SetNxCommand(), new SetExCommand(), new PSetExCommand(),
                new GetSetCommand(), new GetDelCommand(), new GetExCommand(),
                new MGetCommand(), new MSetCommand(), new MSetNxCommand(),
                new IncrCommand(), new DecrCommand(), new IncrByCommand(), new DecrByCommand(),
                new IncrByFloatCommand(),
                new AppendCommand(), new StrLenCommand(), new GetRangeCommand(), new SetRangeCommand(),
                new SubstrCommand(), new LcsCommand()));
    }
}
