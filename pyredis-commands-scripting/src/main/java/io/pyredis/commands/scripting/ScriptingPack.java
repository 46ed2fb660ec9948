package io.pyredis.commands.scripting;

import io.pyredis.api.PackContext;
import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/** Redis's scripting and functions command group, as in Redis 7.0. */
public final class ScriptingPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(ScriptingPack.class.getResourceAsStream("commands.json"));

    public ScriptingPack() {
        this(new Scripting());
    }

    private final Scripting scripting;

    private ScriptingPack(Scripting s) {
        super("scripting", SpiVersion.CURRENT, List.of(new EvalCommand(s), new EvalShaCommand(s), new EvalRoCommand(s),
                new EvalShaRoCommand(s), new ScriptCommand(s)));
        this.scripting = s;
    }

    /** INFO's memory fields of the scripts: the cache's and the interpreter's. */
    @Override
    public void start(PackContext ctx) {
        ctx.infoValue("used_memory_lua", scripting::luaMemory);
        ctx.infoValue("used_memory_scripts_eval", scripting.cache::memory);
        ctx.infoValue("number_of_cached_scripts", () -> scripting.cache.size());
    }
}
