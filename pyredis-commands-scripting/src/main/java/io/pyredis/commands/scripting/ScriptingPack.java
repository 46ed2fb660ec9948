package io.pyredis.commands.scripting;

import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/** Redis's scripting and functions command group, as in Redis 7.0. */
public final class ScriptingPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(ScriptingPack.class.getResourceAsStream("commands.json"));

    public ScriptingPack() {
        super("scripting", SpiVersion.CURRENT, List.of());
    }
}
