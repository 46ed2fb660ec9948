package io.pyredis.commands.scripting;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.api.ScriptRun;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

import java.io.ByteArrayInputStream;
import java.util.IdentityHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lua interpreter of the server's scripts, as Redis 7.0's eval.c and script_lua.c set it
 * up: Lua's base, table, string, math and coroutine libraries with Lua 5.1's names where
 * LuaJ (a Lua 5.2) differs, Redis's libraries, the {@code redis} API, and the 7.0 sandbox:
 * every global table read-only, no file or OS access, reading an undefined global an error.
 * Scripts compile once into functions kept by the {@link ScriptCache}; {@link #run} runs
 * one for a command and writes its reply.
 *
 * <p>LuaJ rather than a native Lua: its strings are byte arrays (binary-safe as Redis's) and
 * its interpreter calls a hook on each instruction, which is how a script is stopped (the
 * time limit, SCRIPT KILL, the memory bound) without native code.
 */
final class LuaEngine {

    static final System.Logger LOG = System.getLogger("io.pyredis.commands.scripting");

    /** The globals Redis keeps of Lua's base library (lua_builtins_allow_list, minus what LuaJ lacks). */
    private static final String[] BUILTINS = {"xpcall", "tostring", "setmetatable", "next", "assert",
        "tonumber", "rawequal", "collectgarbage", "getmetatable", "rawset", "type", "select", "pairs",
        "rawget", "ipairs", "error", "string", "math", "table", "coroutine"};
    static final String KILLED = "Script killed by user with SCRIPT KILL...";
    /** pyredis's own: a script stopped at busy-reply-threshold (see {@link #interrupt}). */
    static final String TIMED_OUT = "ERR Script stopped: it ran past busy-reply-threshold without writing, and "
            + "pyredis cannot serve other clients while a script runs";
    static final String OOM = "ERR Lua script used too much memory (the server's limit for a script)";
    private static final Pattern WHERE = Pattern.compile("^@?([^\\s:]*):(\\d+) ");
    /** LuaJ's "attempt to call nil", Lua 5.1's "attempt to call a nil value". */
    private static final Pattern ATTEMPT = Pattern.compile(
            "attempt to (call|perform arithmetic on|concatenate|compare|index) (nil|boolean|table|function|number|string)$");
    private static final LuaValue KEYS = LuaValue.valueOf("KEYS");
    private static final LuaValue ARGV = LuaValue.valueOf("ARGV");

    private final SandboxGlobals globals = new SandboxGlobals();
    private final ScriptHook hook = new ScriptHook(this::interrupt);
    private final RedisRandom random = new RedisRandom();

    /** The running script's server side; null between scripts. */
    private ScriptRun run;
    private int resp = 2;
    private long startNanos;
    private long startAllocated;
    private long busyThresholdNanos;
    private volatile boolean killRequested;
    /** Where the last error was raised: source, line, and the message the handler made of it. */
    private String[] errorWhere;
    /** Why the running script is being stopped (SCRIPT KILL, busy-reply-threshold), or null. */
    private String stopped;
    /** The running script passed busy-reply-threshold (the check ran once). */
    private boolean pastThreshold;

    LuaEngine() {
        SandboxGlobals g = globals;
        g.load(new BaseLib());
        g.load(new PackageLib());
        g.load(new TableLib());
        g.load(new StringLib());
        g.load(new JseMathLib());
        g.load(new CoroutineLib());
        LoadState.install(g);
        LuaC.install(g);
        // cjson, cmsgpack, struct and bit: the libraries Redis loads beyond Lua's own.
        io.pyredis.commands.scripting.lib.LuaLibs.install(g);
        // The hook is LuaJ's debug library slot, without the debug table scripts could use.
        g.debuglib = hook;
        // Errors are given Lua 5.1's position prefix here instead of a traceback.
        g.running.errorfunc = new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue msg) {
                return LuaValue.valueOf(lua51Message(msg.tojstring()));
            }
        };
        LuaTable base = new LuaTable();
        base.rawset("pcall", g.get("pcall"));
        base.rawset("load", g.get("load"));
        // Only the globals Redis allows (its allow lists) stay.
        java.util.Set<String> allowed = new java.util.HashSet<>(java.util.Arrays.asList(BUILTINS));
        allowed.addAll(java.util.Arrays.asList("cjson", "bit", "cmsgpack", "struct"));
        for (LuaValue k = g.next(LuaValue.NIL).arg1(); !k.isnil(); ) {
            LuaValue next = g.next(k).arg1();
            if (!allowed.contains(k.tojstring())) {
                g.rawset(k, LuaValue.NIL);
            }
            k = next;
        }
        Lua51.install(g, g, base, random, this);
        g.rawset("redis", RedisApi.table(this));
        g.rawset("_G", g);
        g.rawset("_VERSION", LuaValue.valueOf("Lua 5.1"));
        LuaTable mt = new LuaTable();
        mt.rawset("__index", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                throw new LuaError("Script attempted to access nonexistent global variable '"
                        + args.arg(2).tojstring() + "'");
            }
        });
        g.setmetatable(mt);
        ReadOnlyTable.sealedCopy(g, new IdentityHashMap<>());
    }

    /** The scripts' global table. */
    SandboxGlobals env() {
        return globals;
    }

    /** Compiles a script's body (shebang line already blanked) as Redis's luaCreateFunction; a syntax error is its message. */
    LuaFunction compile(byte[] body, int from, String chunkName) {
        try {
            return (LuaFunction) globals.load(new ByteArrayInputStream(body, from, body.length - from),
                    chunkName, "t", globals);
        } catch (LuaError e) {
            throw new CompileError(e.getMessage());
        }
    }

    /** A syntax error in a script: Lua's message. */
    static final class CompileError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompileError(String message) {
            super(message, null, false, false);
        }
    }

    // ---- running -------------------------------------------------------------------

    /**
     * Runs {@code script} for the command in {@code ctx} with {@code args[first..]} split into
     * KEYS ({@code numkeys}) and ARGV, and writes its reply, as luaCallFunction.
     */
    void run(CommandContext ctx, ScriptCache.Script script, byte[][] args, int first, int numkeys, boolean ro) {
        ScriptRun r = ctx.startScript(script.flags(), ro);
        this.run = r;
        this.resp = 2;
        this.killRequested = false;
        this.stopped = null;
        this.pastThreshold = false;
        this.startNanos = System.nanoTime();
        this.startAllocated = Memory.allocatedBytes();
        this.busyThresholdNanos = busyThresholdMillis(ctx) * 1_000_000L;
        hook.checkEveryInstruction(false);
        hook.reset();
        errorWhere = null;
        try {
            globals.seal(false);
            globals.rawset(KEYS, array(args, first, numkeys));
            globals.rawset(ARGV, array(args, first + numkeys, args.length - first - numkeys));
            globals.seal(true);
            LuaValue ret;
            try {
                ret = script.function().call();
            } catch (LuaError e) {
                fail(ctx, r, script.sha(), e);
                return;
            } catch (StackOverflowError e) {
                throw new RedisError("ERR Error running script " + script.sha()
                        + ", stack overflow (the script recursed too deep)");
            }
            int protocol = resp;
            LuaToReply.write(ctx.reply(), ret, protocol, (message, counted) -> {
                String text = LuaToReply.errorText(message);
                if (counted) {
                    r.errorReplied();
                    ctx.reply().error(text);
                } else {
                    throw new RedisError(text);
                }
            });
        } finally {
            this.run = null;
            r.close();
        }
    }

    /** The reply to a script that raised an error, as luaCallFunction's error path. */
    private void fail(CommandContext ctx, ScriptRun r, String sha, LuaError e) {
        LuaValue obj = e.getMessageObject();
        String where = e.getMessage();
        String source = null;
        String line = null;
        String[] at = errorWhere;
        if (at != null && at[2].equals(where)) {
            source = at[0];
            line = at[1];
        }
        if (source == null) {
            String[] last = hook.lastPosition();
            if (last != null) {
                source = last[0];
                line = last[1];
            }
        }
        String msg;
        boolean counted = false;
        if (obj instanceof LuaTable t) {
            LuaValue err = t.rawget(LuaErrors.ERR);
            msg = err.isstring() ? LuaErrors.string(err) : "ERR unknown error";
            counted = t.rawget(LuaErrors.IGNORE_STATS).toboolean();
            LuaValue s = t.rawget(LuaErrors.SOURCE);
            LuaValue l = t.rawget(LuaErrors.LINE);
            if (s.isstring() && l.isstring()) {
                source = s.tojstring();
                line = l.tojstring();
            }
        } else {
            msg = "ERR " + (obj == null ? "execution failure" : obj.tojstring());
        }
        StringBuilder sb = new StringBuilder(msg);
        if (source != null && line != null) {
            sb.append(" script: ").append(sha).append(", on ").append(source).append(':').append(line).append('.');
        }
        String text = LuaToReply.errorText(sb.toString());
        if (counted) {
            r.errorReplied();
            ctx.reply().error(text);
        } else {
            throw new RedisError(text);
        }
    }

    /**
     * An error's message as Lua 5.1 words it: LuaJ's {@code "@user_script:1 msg"} becomes
     * {@code "user_script:1: msg"}, or {@code "msg"} for an error raised inside a library
     * function; where it was is kept for the reply's {@code on @user_script:1} in
     * {@link #errorWhere}, with the message it belongs to.
     */
    private String lua51Message(String msg) {
        Matcher a = ATTEMPT.matcher(msg);
        if (a.find()) {
            msg = msg.substring(0, a.start()) + "attempt to " + a.group(1) + " a " + a.group(2) + " value";
        }
        Matcher m = WHERE.matcher(msg);
        if (!m.find()) {
            return msg;
        }
        String rest = msg.substring(m.end());
        String out = rest.startsWith(ReadOnlyTable.UNPOSITIONED)
                ? rest.substring(ReadOnlyTable.UNPOSITIONED.length())
                : m.group(1) + ":" + m.group(2) + ": " + rest;
        errorWhere = new String[] {"@" + m.group(1), m.group(2), out};
        return out;
    }

    private static LuaTable array(byte[][] args, int from, int n) {
        LuaTable t = new LuaTable(n, 0);
        for (int i = 0; i < n; i++) {
            t.rawset(i + 1, LuaString.valueOf(args[from + i]));
        }
        return t;
    }

    private static long busyThresholdMillis(CommandContext ctx) {
        String v = ctx.config("busy-reply-threshold");
        if (v == null) {
            v = ctx.config("lua-time-limit");
        }
        try {
            return v == null ? 5000 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 5000;
        }
    }

    /** The hook's check, as scriptInterrupt and luaMaskCountHook. */
    private void interrupt() {
        if (run == null) {
            return;
        }
        if (killRequested && stopped == null) {
            stopped = KILLED;
            LOG.log(System.Logger.Level.WARNING, "Lua script killed by user with SCRIPT KILL.");
        }
        if (stopped == null && !pastThreshold && System.nanoTime() - startNanos > busyThresholdNanos) {
            pastThreshold = true;
            // Redis answers other clients BUSY from here on and takes SCRIPT KILL; pyredis runs
            // the script on its one event loop and can do neither yet, so rather than hang every
            // client on a runaway script it stops one that has not written, as SCRIPT KILL would.
            if (!run.wrote()) {
                stopped = "-" + TIMED_OUT;
                LOG.log(System.Logger.Level.WARNING, "Lua script stopped: it ran past busy-reply-threshold ("
                        + busyThresholdNanos / 1_000_000 + " ms) without writing.");
            } else {
                LOG.log(System.Logger.Level.WARNING, "A Lua script that has written runs past busy-reply-threshold ("
                        + busyThresholdNanos / 1_000_000 + " ms): it cannot be stopped without breaking its "
                        + "atomicity, and no other client is served until it ends.");
            }
        }
        if (stopped != null) {
            // Every instruction from now on, so that pcall cannot catch it for long.
            hook.checkEveryInstruction(true);
            throw new LuaError(LuaErrors.table(stopped));
        }
        if (Memory.allocatedBytes() - startAllocated > Memory.scriptLimit()) {
            hook.checkEveryInstruction(true);
            throw new LuaError(LuaErrors.table("-" + OOM));
        }
    }

    // ---- what the redis API needs ------------------------------------------------------

    /** The running script's server side, or null outside a script. */
    ScriptRun current() {
        return run;
    }

    /** redis.setresp. */
    void resp(int version) {
        this.resp = version;
        run.protocol(version);
    }

    RedisRandom random() {
        return random;
    }

    /** Whether a script runs now (SCRIPT KILL). */
    boolean busy() {
        return run != null;
    }

    /** SCRIPT KILL: the running script stops at its next check. */
    void kill() {
        killRequested = true;
    }

    /** Milliseconds the running script has run. */
    long runningMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    long busyThresholdNanos() {
        return busyThresholdNanos;
    }
}
