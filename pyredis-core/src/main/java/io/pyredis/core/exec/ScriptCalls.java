package io.pyredis.core.exec;

import io.pyredis.api.CommandFlag;
import io.pyredis.api.RedisError;
import io.pyredis.api.ScriptRun;
import io.pyredis.core.client.Client;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import io.pyredis.protocol.RespWriter;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Scripts' commands, as Redis's script.c: {@link #start} is scriptPrepareForRun (the checks
 * on the caller's state before a script runs), the {@link ScriptRun} it returns is the run
 * context whose {@link ScriptRun#call} is scriptCall (the checks on each command, then the
 * call unit's {@link CallUnit#call} with the script client). One run at a time, on the
 * command thread; the script client is the same for every run, as Redis's lua_client.
 */
public final class ScriptCalls implements ScriptRun {

    static final String RO_SCRIPT = "ERR Can not execute a script with write flag using *_ro command.";
    static final String OOM_SCRIPT =
            "OOM allow-oom flag is not set on the script, can not run it when used memory > 'maxmemory'";
    static final String MISCONF_RDB = "MISCONF Redis is configured to save RDB snapshots, "
            + "but it's currently unable to persist to disk. "
            + "Writable scripts are blocked. Use 'no-writes' flag for read only scripts.";
    static final String MISCONF_AOF = "MISCONF Redis is configured to persist data to AOF, "
            + "but it's currently unable to persist to disk. "
            + "Writable scripts are blocked. Use 'no-writes' flag for read only scripts. AOF error: ";

    private final CallUnit unit;
    private Supplier<Client> clientFactory;
    private java.util.function.BooleanSupplier denyScriptDisabled = () -> false;
    private Client client;
    private boolean running;
    private boolean readOnly;
    /** The command running the script (EVAL, FCALL). */
    private CommandEntry scriptCommand;
    private boolean allowOom;
    private boolean dirty;
    private int repl;

    ScriptCalls(CallUnit unit) {
        this.unit = unit;
    }

    /** How the script client is made (once, when the first script runs). */
    public void clientFactory(Supplier<Client> factory) {
        this.clientFactory = factory;
    }

    /** Whether {@code noscript} commands may run from scripts now (DEBUG SET-DISABLE-DENY-SCRIPTS). */
    public void denyScriptDisabled(java.util.function.BooleanSupplier disabled) {
        this.denyScriptDisabled = disabled;
    }

    /** Whether a script runs now. */
    public boolean running() {
        return running;
    }

    /** The script client, or null before the first script. */
    public Client client() {
        return client;
    }

    /** scriptPrepareForRun for {@code caller}. */
    ScriptRun start(Client caller, int flags, boolean ro) {
        if (running) {
            throw new IllegalStateException("a script is already running");
        }
        if ((flags & EVAL_COMPAT_MODE) == 0) {
            if ((flags & NO_WRITES) == 0) {
                String disk = unit.diskErrorText();
                if (disk != null) {
                    throw new RedisError(disk.contains("AOF") ? MISCONF_AOF + aofError(disk) : MISCONF_RDB);
                }
                if (ro) {
                    throw new RedisError(RO_SCRIPT);
                }
            }
            if (unit.preCommandOom() && (flags & (ALLOW_OOM | NO_WRITES)) == 0) {
                throw new RedisError(OOM_SCRIPT);
            }
        }
        if (client == null) {
            client = clientFactory.get();
            client.denyBlocking(true);
        }
        client.db(caller.db());
        client.user(caller.user());
        client.protocol(2);
        client.reply().reset();
        scriptCommand = unit.innermost() == null ? null : unit.innermost().entry();
        readOnly = ro || ((flags & EVAL_COMPAT_MODE) == 0 && (flags & NO_WRITES) != 0);
        allowOom = (flags & EVAL_COMPAT_MODE) == 0 && (flags & ALLOW_OOM) != 0;
        dirty = false;
        repl = REPL_AOF | REPL_REPLICA;
        running = true;
        return this;
    }

    /** The text after "AOF error: " in the server's MISCONF text, strerror's. */
    private static String aofError(String disk) {
        int i = disk.indexOf("AOF error: ");
        return i < 0 ? "" : disk.substring(i + "AOF error: ".length());
    }

    @Override
    public byte[] call(byte[][] argv) {
        CommandEntry e = lookup(argv);
        if (e == null || !e.acceptsArgc(argv.length)) {
            throw refuse(e, e == null ? "ERR Unknown Redis command called from script"
                    : "ERR Wrong number of args calling Redis command from script");
        }
        if (e.flags().contains(CommandFlag.NOSCRIPT) && !denyScriptDisabled.getAsBoolean()) {
            throw refuse(e, "ERR This Redis command is not allowed from script");
        }
        // scriptVerifyACL: the script runs with its caller's ACL user.
        io.pyredis.core.acl.Acl.Denial denied = unit.aclCheck(client, e, argv, io.pyredis.core.acl.AclLog.Context.LUA);
        if (denied != null) {
            throw refuse(e, "ERR The user executing the script " + switch (denied.reason()) {
                case io.pyredis.core.acl.Acl.DENIED_CMD -> "can't run this command or subcommand";
                case io.pyredis.core.acl.Acl.DENIED_KEY -> "can't access at least one of the keys mentioned in the command arguments";
                case io.pyredis.core.acl.Acl.DENIED_CHANNEL -> "can't publish to the channel mentioned in the command";
                default -> "lacking the permissions for the command";
            });
        }
        boolean write = e.isWrite();
        if (readOnly && (write || e.flags().contains(CommandFlag.MAY_REPLICATE))) {
            throw refuse(e, "ERR Write commands are not allowed from read-only scripts.");
        }
        if (write && !dirty) {
            String disk = unit.diskErrorText();
            if (disk != null) {
                throw refuse(e, disk);
            }
        }
        if (!allowOom && !dirty && unit.preCommandOom() && e.flags().contains(CommandFlag.DENYOOM)) {
            throw refuse(e, CallUnit.OOM);
        }
        if (write) {
            dirty = true;
        }
        RespWriter w = client.reply();
        w.reset();
        int flags = CallUnit.CALL_STATS | (repl != 0 ? CallUnit.CALL_PROPAGATE : 0);
        unit.call(client, e, argv, System.nanoTime(), flags);
        w = client.reply();
        byte[] reply = Arrays.copyOf(w.buffer(), w.size());
        w.reset();
        return reply;
    }

    /** A refusal, counted as Redis's afterErrorReply and incrCommandStatsOnError(REJECTED). */
    private RedisError refuse(CommandEntry e, String message) {
        RedisError err = new RedisError(message);
        unit.rejectedInScript(e, err.code());
        return err;
    }

    /** lookupCommand: the command, or its subcommand; null for an unknown one. */
    private CommandEntry lookup(byte[][] argv) {
        CommandTable commands = unit.commands();
        CommandEntry e = commands.get(argv[0]);
        if (e != null && e.subcommands() != null && argv.length >= 2) {
            e = e.subcommands().get(argv[1]);
        }
        return e;
    }

    @Override
    public boolean commandExists(byte[][] argv) {
        return lookup(argv) != null;
    }

    @Override
    public void protocol(int resp) {
        client.protocol(resp);
    }

    @Override
    public void replication(int flags) {
        this.repl = flags;
    }

    @Override
    public void errorReplied() {
        if (scriptCommand != null) {
            scriptCommand.failedCalls++;
        }
    }

    @Override
    public boolean wrote() {
        return dirty;
    }

    @Override
    public void close() {
        running = false;
        scriptCommand = null;
        // As scriptResetRun's preventCommandPropagation: the script's commands are its effects,
        // never the EVAL itself.
        unit.preventVerbatimPropagation();
        client.reply().reset();
    }
}
