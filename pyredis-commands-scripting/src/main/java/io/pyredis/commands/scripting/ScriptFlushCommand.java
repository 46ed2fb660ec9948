package io.pyredis.commands.scripting;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.support.GenericCommand;
import io.pyredis.support.Keywords;

/**
 * {@code SCRIPT FLUSH [ASYNC | SYNC]}
 *
 * <p>Both modes empty the cache at once: the compiled functions are left to the garbage
 * collector, which is what an asynchronous free would do.
 */
final class ScriptFlushCommand extends GenericCommand {

    private static final RedisError OPTION = new RedisError("ERR SCRIPT FLUSH only support SYNC|ASYNC option");

    private final Scripting scripting;

    ScriptFlushCommand(Scripting scripting) {
        super(ScriptingPack.METADATA.spec("script|flush"));
        this.scripting = scripting;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        if (args.length > 3 || (args.length == 3 && !Keywords.is(args[2], "sync") && !Keywords.is(args[2], "async"))) {
            throw OPTION;
        }
        scripting.cache.clear();
        ctx.reply().ok();
    }
}
