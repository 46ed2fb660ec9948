package io.pyredis.example.ring;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.PersistentType;
import io.pyredis.api.SpiVersion;

import java.util.List;

/**
 * The example plugin's second pack: a ring buffer, its own data type ({@code ring-buff})
 * that persists in RDB, DUMP/RESTORE and AOF rewrites through
 * {@link CommandPack#dataTypes()}, with RING.PUSH, RING.RANGE and RING.LEN.
 */
public final class RingPack implements CommandPack {

    @Override
    public String name() {
        return "ring";
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<Command> commands() {
        return List.of(new RingPushCommand(), new RingRangeCommand(), new RingLenCommand());
    }

    @Override
    public List<PersistentType<?>> dataTypes() {
        return List.of(RingType.INSTANCE);
    }
}
