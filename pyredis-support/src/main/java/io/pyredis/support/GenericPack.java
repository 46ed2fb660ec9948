package io.pyredis.support;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;

import java.util.List;

/**
 * The base of a pack that is a name and a fixed list of commands, as pyredis's own packs
 * are. The SPI version comes from the subclass so that {@code SpiVersion.CURRENT} is
 * compiled into the pack itself, as {@link CommandPack#spiVersion} asks.
 *
 * @since 0.1
 */
public abstract class GenericPack implements CommandPack {

    private final String name;
    private final int spiVersion;
    private final List<Command> commands;

    /**
     * @param spiVersion {@code SpiVersion.CURRENT}, written in the subclass
     * @since 0.1
     */
    protected GenericPack(String name, int spiVersion, List<Command> commands) {
        this.name = name;
        this.spiVersion = spiVersion;
        this.commands = List.copyOf(commands);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int spiVersion() {
        return spiVersion;
    }

    @Override
    public final List<Command> commands() {
        return commands;
    }
}
