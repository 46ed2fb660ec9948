package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;

import java.util.List;

/** Redis's set command group, as in Redis 7.0. */
public final class SetsPack implements CommandPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(SetsPack.class.getResourceAsStream("commands.json"));

    private final List<Command> commands = List.of(
            new SAddCommand(), new SRemCommand(), new SMembersCommand(), new SIsMemberCommand(),
            new SMIsMemberCommand(), new SCardCommand(), new SPopCommand(), new SRandMemberCommand(),
            new SMoveCommand(), new SInterCommand(), new SInterCardCommand(), new SInterStoreCommand(),
            new SUnionCommand(), new SUnionStoreCommand(), new SDiffCommand(), new SDiffStoreCommand(),
            new SScanCommand());

    @Override
    public String name() {
        return "sets";
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
