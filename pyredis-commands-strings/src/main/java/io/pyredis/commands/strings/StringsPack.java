package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.SpiVersion;

import java.util.List;

/** Redis's string command group. */
public final class StringsPack implements CommandPack {

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
        return List.of();
    }
}
