package com.example.hits;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.PersistentType;
import io.pyredis.api.SpiVersion;

import java.util.List;

/** The plugin's pack: what the server loads (named in module-info and META-INF/services). */
public final class HitsPack implements CommandPack {

    /** The pack's name: COMMAND DOCS shows it as the module of its commands. */
    @Override
    public String name() {
        return "hits";
    }

    /** Compiled in: a server with another SPI version refuses the pack in one log line. */
    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<Command> commands() {
        return List.of(new HitsIncrCommand());
    }

    /** The pack's own data types: they survive SAVE, restarts, DUMP/RESTORE and AOF rewrites. */
    @Override
    public List<PersistentType<?>> dataTypes() {
        return List.of(HitsType.INSTANCE);
    }
}
