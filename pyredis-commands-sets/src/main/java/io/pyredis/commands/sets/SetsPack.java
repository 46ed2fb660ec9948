package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/** Redis's set command group, as in Redis 7.0. */
public final class SetsPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(SetsPack.class.getResourceAsStream("commands.json"));

    public SetsPack() {
        super("sets", SpiVersion.CURRENT, List.of(
                new SAddCommand(), new SRemCommand(), new SMembersCommand(), new SIsMemberCommand(),
                new SMIsMemberCommand(), new SCardCommand(), new SPopCommand(), new SRandMemberCommand(),
                new SMoveCommand(), new SInterCommand(), new SInterCardCommand(), new SInterStoreCommand(),
                new SUnionCommand(), new SUnionStoreCommand(), new SDiffCommand(), new SDiffStoreCommand(),
                new SScanCommand()));
    }
}
