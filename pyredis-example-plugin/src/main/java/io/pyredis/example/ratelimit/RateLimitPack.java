package io.pyredis.example.ratelimit;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.SpiVersion;

import java.util.List;

/** The example plugin's pack: the {@code RATELIMIT} command. */
public final class RateLimitPack implements CommandPack {

    @Override
    public String name() {
        return "ratelimit";
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<Command> commands() {
        return List.of(new RateLimitCommand());
    }
}
