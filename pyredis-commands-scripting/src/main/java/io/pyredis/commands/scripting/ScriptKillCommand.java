package io.pyredis.commands.scripting;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.support.GenericCommand;

/**
 * {@code SCRIPT KILL}
 */
final class ScriptKillCommand extends GenericCommand {

    static final RedisError NOTBUSY = new RedisError("NOTBUSY No scripts in execution right now.");
    static final RedisError UNKILLABLE = new RedisError("UNKILLABLE Sorry the script already executed write "
            + "commands against the dataset. You can either wait the script termination or kill the server in a "
            + "hard way using the SHUTDOWN NOSAVE command.");

    private final Scripting scripting;

    ScriptKillCommand(Scripting scripting) {
        super(ScriptingPack.METADATA.spec("script|kill"));
        this.scripting = scripting;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        LuaEngine engine = scripting.engine;
        if (!engine.busy()) {
            throw NOTBUSY;
        }
        if (engine.current().wrote()) {
            throw UNKILLABLE;
        }
        engine.kill();
        ctx.reply().ok();
    }
}
