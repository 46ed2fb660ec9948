package io.pyredis.commands.scripting;

import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.ScriptRun;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;
import io.pyredis.support.GenericCommand;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

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

    /**
     * eval.c's evalGetCommandFlags: a script with a shebang is checked with the flags it
     * declares (scriptFlagsToCmdFlags), a script without one with the command's.
     */
    @Override
    public final Set<CommandFlag> callFlags(byte[][] args) {
        int flags;
        if (sha) {
            if (args[1].length != 40) {
                return null;
            }
            ScriptCache.Script s = scripting.cache.get(new String(args[1], StandardCharsets.ISO_8859_1));
            if (s == null) {
                return null;
            }
            flags = s.flags();
        } else {
            if (args[1].length < 2 || args[1][0] != '#' || args[1][1] != '!') {
                return null;
            }
            try {
                flags = Shebang.parse(args[1]).flags();
            } catch (RedisError e) {
                return null;
            }
        }
        if ((flags & ScriptRun.EVAL_COMPAT_MODE) != 0) {
            return null;
        }
        return commandFlags(spec().flags(), flags);
    }

    /** script.c's scriptFlagsToCmdFlags. */
    static Set<CommandFlag> commandFlags(Set<CommandFlag> command, int scriptFlags) {
        EnumSet<CommandFlag> f = command.isEmpty() ? EnumSet.noneOf(CommandFlag.class) : EnumSet.copyOf(command);
        f.removeAll(EnumSet.of(CommandFlag.STALE, CommandFlag.DENYOOM, CommandFlag.WRITE, CommandFlag.MAY_REPLICATE));
        if ((scriptFlags & (ScriptRun.ALLOW_OOM | ScriptRun.NO_WRITES)) == 0) {
            f.add(CommandFlag.DENYOOM);
        }
        if ((scriptFlags & ScriptRun.NO_WRITES) == 0) {
            f.add(CommandFlag.WRITE);
        }
        if ((scriptFlags & ScriptRun.ALLOW_STALE) != 0) {
            f.add(CommandFlag.STALE);
        }
        return f;
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
