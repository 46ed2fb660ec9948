package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/**
 * Redis's generic key commands, as in Redis 7.0. DBSIZE is built into the server.
 */
public final class KeysPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(KeysPack.class.getResourceAsStream("commands.json"));

    public KeysPack() {
        super("keys", SpiVersion.CURRENT, List.of(
                new DelCommand(), new UnlinkCommand(), new ExistsCommand(), new TypeCommand(), new TouchCommand(),
                new ExpireCommand(), new PExpireCommand(), new ExpireAtCommand(), new PExpireAtCommand(),
                new TtlCommand(), new PTtlCommand(), new ExpireTimeCommand(), new PExpireTimeCommand(),
                new PersistCommand(), new KeysCommand(), new ScanCommand(), new RenameCommand(), new RenameNxCommand(),
                new RandomKeyCommand(), new CopyCommand(), new MoveCommand(), new SwapDbCommand(), new ObjectCommand(),
                new SortCommand(), new SortRoCommand()));
    }
}
