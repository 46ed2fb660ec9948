package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;

import java.util.List;

/**
 * Redis's generic key commands, as in Redis 7.0. DBSIZE is built into the server.
 */
public final class KeysPack implements CommandPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(KeysPack.class.getResourceAsStream("commands.json"));

    private final List<Command> commands = List.of(
            new DelCommand(), new UnlinkCommand(), new ExistsCommand(), new TypeCommand(), new TouchCommand(),
            new ExpireCommand(), new PExpireCommand(), new ExpireAtCommand(), new PExpireAtCommand(),
            new TtlCommand(), new PTtlCommand(), new ExpireTimeCommand(), new PExpireTimeCommand(),
            new PersistCommand(), new KeysCommand(), new ScanCommand(), new RenameCommand(), new RenameNxCommand(),
            new RandomKeyCommand(), new CopyCommand(), new MoveCommand(), new SwapDbCommand(), new ObjectCommand(),
            new SortCommand(), new SortRoCommand());

    @Override
    public String name() {
        return "keys";
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
