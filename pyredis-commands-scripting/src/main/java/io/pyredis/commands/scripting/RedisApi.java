package io.pyredis.commands.scripting;

import io.pyredis.api.RedisError;
import io.pyredis.api.ScriptRun;
import io.pyredis.support.Numbers;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.nio.charset.StandardCharsets;

/**
 * The {@code redis} table scripts see, as script_lua.c's luaRegisterRedisAPI and eval.c's
 * additions: call, pcall, sha1hex, error_reply, status_reply, log and its levels, setresp,
 * set_repl and the REPL_ flags, replicate_commands, breakpoint, debug, acl_check_cmd,
 * REDIS_VERSION and REDIS_VERSION_NUM.
 */
final class RedisApi {

    static final String VERSION = "7.0.15";
    static final int VERSION_NUM = 0x0007000F;

    private RedisApi() {
    }

    static LuaTable table(LuaEngine engine) {
        LuaTable r = new LuaTable();
        r.rawset("call", new Call(engine, true));
        r.rawset("pcall", new Call(engine, false));
        r.rawset("sha1hex", fn(args -> {
            if (args.narg() != 1) {
                throw new LuaError(LuaErrors.table("wrong number of arguments"));
            }
            LuaString s = args.checkstring(1);
            return LuaValue.valueOf(Sha1.hex(s.m_bytes, s.m_offset, s.m_length));
        }));
        r.rawset("error_reply", fn(args -> {
            if (args.narg() != 1 || args.arg1().type() != LuaValue.TSTRING) {
                return LuaErrors.table("wrong number or type of arguments");
            }
            String e = LuaErrors.string(args.arg1());
            return LuaErrors.table(e.startsWith("-") ? e : "-" + e);
        }));
        r.rawset("status_reply", fn(args -> {
            if (args.narg() != 1 || args.arg1().type() != LuaValue.TSTRING) {
                return LuaErrors.table("wrong number or type of arguments");
            }
            LuaTable t = new LuaTable();
            t.rawset(LuaErrors.OK, args.arg1());
            return t;
        }));
        r.rawset("log", fn(args -> {
            int argc = args.narg();
            if (argc < 2) {
                throw new LuaError(LuaErrors.table("redis.log() requires two arguments or more."));
            }
            if (!args.arg1().isnumber()) {
                throw new LuaError(LuaErrors.table("First argument must be a number (log level)."));
            }
            int level = args.arg1().toint();
            if (level < 0 || level > 3) {
                throw new LuaError(LuaErrors.table("Invalid debug level."));
            }
            StringBuilder sb = new StringBuilder();
            for (int j = 2; j <= argc; j++) {
                LuaValue v = args.arg(j);
                if (v.isstring()) {
                    if (j != 2) {
                        sb.append(' ');
                    }
                    sb.append(LuaErrors.string(v.tostring()));
                }
            }
            LuaEngine.LOG.log(level(level), sb.toString());
            return LuaValue.NONE;
        }));
        r.rawset("LOG_DEBUG", LuaValue.valueOf(0));
        r.rawset("LOG_VERBOSE", LuaValue.valueOf(1));
        r.rawset("LOG_NOTICE", LuaValue.valueOf(2));
        r.rawset("LOG_WARNING", LuaValue.valueOf(3));
        r.rawset("REDIS_VERSION_NUM", LuaValue.valueOf(VERSION_NUM));
        r.rawset("REDIS_VERSION", LuaValue.valueOf(VERSION));
        r.rawset("setresp", fn(args -> {
            ScriptRun run = running(engine, "redis.setresp");
            if (args.narg() != 1) {
                throw new LuaError(LuaErrors.table("redis.setresp() requires one argument."));
            }
            int resp = args.arg1().toint();
            if (resp != 2 && resp != 3) {
                throw new LuaError(LuaErrors.table("RESP version must be 2 or 3."));
            }
            engine.resp(resp);
            return LuaValue.NONE;
        }));
        r.rawset("set_repl", fn(args -> {
            ScriptRun run = running(engine, "redis.set_repl");
            if (args.narg() != 1) {
                throw new LuaError(LuaErrors.table("redis.set_repl() requires two arguments."));
            }
            int flags = args.arg1().toint();
            if ((flags & ~(ScriptRun.REPL_AOF | ScriptRun.REPL_REPLICA)) != 0) {
                throw new LuaError(LuaErrors.table(
                        "Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE."));
            }
            run.replication(flags);
            return LuaValue.NONE;
        }));
        r.rawset("REPL_NONE", LuaValue.valueOf(0));
        r.rawset("REPL_AOF", LuaValue.valueOf(ScriptRun.REPL_AOF));
        r.rawset("REPL_SLAVE", LuaValue.valueOf(ScriptRun.REPL_REPLICA));
        r.rawset("REPL_REPLICA", LuaValue.valueOf(ScriptRun.REPL_REPLICA));
        r.rawset("REPL_ALL", LuaValue.valueOf(ScriptRun.REPL_AOF | ScriptRun.REPL_REPLICA));
        r.rawset("acl_check_cmd", fn(args -> {
            ScriptRun run = running(engine, "redis.acl_check_cmd");
            byte[][] argv = argv(args);
            if (argv == null) {
                throw new LuaError(LuaErrors.table(args.narg() == 0
                        ? "Please specify at least one argument for this redis lib call"
                        : "Lua redis lib command arguments must be strings or integers"));
            }
            if (!run.commandExists(argv)) {
                throw new LuaError(LuaErrors.table("Invalid command passed to redis.acl_check_cmd()"));
            }
            return LuaValue.valueOf(run.aclAllows(argv));
        }));
        // Redis 7 always replicates effects: replicate_commands is a no-op that says yes.
        r.rawset("replicate_commands", fn(args -> LuaValue.TRUE));
        // The Lua debugger (SCRIPT DEBUG) is not offered: outside it these do nothing, as in Redis.
        r.rawset("breakpoint", fn(args -> LuaValue.FALSE));
        r.rawset("debug", fn(args -> LuaValue.NONE));
        return r;
    }

    private static System.Logger.Level level(int redisLevel) {
        switch (redisLevel) {
            case 0:
                return System.Logger.Level.DEBUG;
            case 1:
                return System.Logger.Level.DEBUG;
            case 2:
                return System.Logger.Level.INFO;
            default:
                return System.Logger.Level.WARNING;
        }
    }

    private static ScriptRun running(LuaEngine engine, String name) {
        ScriptRun run = engine.current();
        if (run == null) {
            throw new LuaError(LuaErrors.table(name + " can only be called inside a script invocation"));
        }
        return run;
    }

    /** luaArgsToRedisArgv: strings as they are, numbers as {@code %.17g}; null when empty or another type is there. */
    static byte[][] argv(Varargs args) {
        int n = args.narg();
        if (n == 0) {
            return null;
        }
        byte[][] argv = new byte[n][];
        for (int j = 0; j < n; j++) {
            LuaValue v = args.arg(j + 1);
            if (v.type() == LuaValue.TNUMBER) {
                argv[j] = Numbers.formatDouble(v.todouble()).getBytes(StandardCharsets.US_ASCII);
            } else if (v.type() == LuaValue.TSTRING) {
                LuaString s = v.checkstring();
                argv[j] = java.util.Arrays.copyOfRange(s.m_bytes, s.m_offset, s.m_offset + s.m_length);
            } else {
                return null;
            }
        }
        return argv;
    }

    /** redis.call (raising) and redis.pcall (returning the error table), as luaRedisGenericCommand. */
    private static final class Call extends VarArgFunction {
        private final LuaEngine engine;
        private final boolean raise;

        Call(LuaEngine engine, boolean raise) {
            this.engine = engine;
            this.raise = raise;
        }

        @Override
        public Varargs invoke(Varargs args) {
            ScriptRun run = engine.current();
            if (run == null) {
                throw new LuaError(LuaErrors.table("redis.call/pcall can only be called inside a script invocation"));
            }
            byte[][] argv = argv(args);
            if (argv == null) {
                LuaTable e = LuaErrors.table(args.narg() == 0
                        ? "Please specify at least one argument for this redis lib call"
                        : "Lua redis lib command arguments must be strings or integers");
                if (raise) {
                    throw new LuaError(e);
                }
                return e;
            }
            byte[] reply;
            try {
                reply = run.call(argv);
            } catch (RedisError refused) {
                LuaTable e = LuaErrors.counted("-" + refused.getMessage());
                if (raise) {
                    throw new LuaError(e);
                }
                return e;
            }
            LuaValue v = RespToLua.convert(reply);
            if (raise && reply.length > 0 && reply[0] == '-') {
                throw new LuaError(v);
            }
            return v;
        }
    }

    private interface Body {
        Varargs apply(Varargs args);
    }

    private static VarArgFunction fn(Body body) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return body.apply(args);
            }
        };
    }
}
