package io.pyredis.commands.scripting;

import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;
import io.pyredis.support.GenericCommand;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;

/**
 * EVAL, EVALSHA, EVAL_RO and EVALSHA_RO, as eval.c's evalGenericCommand: numkeys checked,
 * the script found (EVALSHA) or compiled once (EVAL), then run with KEYS and ARGV.
 */
abstract class EvalGenericCommand extends GenericCommand {

    static final RedisError NOSCRIPT = new RedisError("NOSCRIPT No matching script. Please use EVAL.");
    private static final RedisError TOO_MANY_KEYS =
            new RedisError("ERR Number of keys can't be greater than number of args");
    private static final RedisError NEGATIVE_KEYS = new RedisError("ERR Number of keys can't be negative");

    private final Scripting scripting;
    private final boolean sha;
    private final boolean readOnly;

    EvalGenericCommand(CommandSpec spec, Scripting scripting, boolean sha, boolean readOnly) {
        super(spec);
        this.scripting = scripting;
        this.sha = sha;
        this.readOnly = readOnly;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        long numkeys = Numbers.parseLong(args[2]);
        if (numkeys > args.length - 3) {
            throw TOO_MANY_KEYS;
        } else if (numkeys < 0) {
            throw NEGATIVE_KEYS;
        }
        ScriptCache.Script s;
        if (sha) {
            s = scripting.cache.get(new String(args[1], StandardCharsets.ISO_8859_1));
            if (s == null) {
                throw NOSCRIPT;
            }
        } else {
            s = scripting.cache.add(args[1]);
        }
        scripting.engine.run(ctx, s, args, 3, (int) numkeys, readOnly);
    }
}
