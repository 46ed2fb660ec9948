package io.pyredis.server.internal.dispatch;

import io.pyredis.api.Command;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;

import io.pyredis.storage.LookupRule;
import java.util.List;

/**
 * A command as the dispatcher holds it: the handler, what the hot path needs precomputed
 * (arity, flags as booleans, the arity error), its subcommands, and its call statistics
 * (INFO commandstats). Statistics are written only on the event loop thread.
 */
public final class CommandEntry {

    private final Command command;
    private final CommandSpec spec;
    private final String packName;
    private final int arity;
    private final boolean noAuth;
    private final boolean noMulti;
    private final boolean runsInMulti;
    private final boolean allowedSubscribed;
    private final String arityError;
    private final CommandTable subcommands;
    private final LookupRule lookupRule;

    /** calls */
    public long calls;
    /** usec, in nanoseconds */
    public long nanos;
    /** rejected_calls: refused before running (arity, auth) */
    public long rejectedCalls;
    /** failed_calls: ran and answered an error */
    public long failedCalls;

    public CommandEntry(Command command, String packName) {
        this.command = command;
        this.spec = command.spec();
        this.packName = packName;
        this.arity = spec.arity();
        this.noAuth = spec.has(CommandFlag.NO_AUTH);
        this.noMulti = spec.has(CommandFlag.NO_MULTI);
        boolean builtin = "builtin".equals(packName);
        this.runsInMulti = builtin && RUN_IN_MULTI.contains(spec.name());
        this.allowedSubscribed = builtin && ALLOWED_SUBSCRIBED.contains(spec.name());
        this.arityError = "ERR wrong number of arguments for '" + spec.name() + "' command";
        this.lookupRule = lookupRule(spec);
        List<Command> subs = command.subcommands();
        if (subs.isEmpty()) {
            this.subcommands = null;
        } else {
            CommandTable t = new CommandTable();
            String prefix = spec.name() + "|";
            for (Command sub : subs) {
                String full = sub.spec().name();
                if (!full.startsWith(prefix)) {
                    throw new IllegalArgumentException("subcommand " + full + " of " + spec.name()
                            + " must be named '" + prefix + "<sub>'");
                }
                t.put(full.substring(prefix.length()), new CommandEntry(sub, packName));
            }
            this.subcommands = t;
        }
    }

    public Command command() {
        return command;
    }

    public CommandSpec spec() {
        return spec;
    }

    /** The full lower-case name: {@code "get"}, {@code "config|get"}. */
    public String name() {
        return spec.name();
    }

    /** The pack the command came from ({@code "builtin"} for the server's own). */
    public String packName() {
        return packName;
    }

    /** Whether {@code argc} arguments (name included) satisfy the arity, as Redis checks it. */
    public boolean acceptsArgc(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }

    public boolean noAuth() {
        return noAuth;
    }

    /** Refused inside MULTI (the no_multi flag). */
    public boolean noMulti() {
        return noMulti;
    }

    /** Run, not queued, inside MULTI: Redis's list in processCommand. */
    public boolean runsInMulti() {
        return runsInMulti;
    }

    /** Allowed to a RESP2 client in pub/sub mode: Redis's list in processCommand. */
    public boolean allowedSubscribed() {
        return allowedSubscribed;
    }

    /**
     * Which of the command's lookups are reads, as Redis 7.0's commands call
     * lookupKeyRead or lookupKeyWrite (checked against redis-server for every built-in
     * command): read commands read; OBJECT reads without the keymiss event (its
     * LOOKUP_NONOTIFY); write commands do not, except those below, which read the value
     * of their source keys as GET does.
     */
    public LookupRule lookupRule() {
        return lookupRule;
    }

    private static LookupRule lookupRule(CommandSpec spec) {
        String name = spec.name();
        if (name.equals("object") || name.startsWith("object|")) {
            return LookupRule.ALL_SILENT;
        }
        if (!spec.has(CommandFlag.WRITE)) {
            return LookupRule.ALL;
        }
        return WRITES_READING_VALUES.contains(name) ? LookupRule.VALUE_READS : LookupRule.NONE;
    }

    /** Write commands whose value lookups are Redis's lookupKeyRead (SET only with GET: SET NX checks existence). */
    private static final java.util.Set<String> WRITES_READING_VALUES = java.util.Set.of(
            "set", "getset", "getdel", "getex", "copy", "sort",
            "sinterstore", "sunionstore", "sdiffstore",
            "zunionstore", "zinterstore", "zdiffstore", "zrangestore");

    private static final java.util.Set<String> RUN_IN_MULTI =
            java.util.Set.of("exec", "discard", "multi", "watch", "quit", "reset");
    private static final java.util.Set<String> ALLOWED_SUBSCRIBED = java.util.Set.of("ping", "subscribe",
            "ssubscribe", "unsubscribe", "sunsubscribe", "psubscribe", "punsubscribe", "quit", "reset");

    /** {@code ERR wrong number of arguments for 'name' command} */
    public String arityError() {
        return arityError;
    }

    /** The subcommands by name (without the container prefix), or null when there are none. */
    public CommandTable subcommands() {
        return subcommands;
    }

    /** Zeroes the statistics, here and in the subcommands (CONFIG RESETSTAT). */
    public void resetStats() {
        calls = 0;
        nanos = 0;
        rejectedCalls = 0;
        failedCalls = 0;
        if (subcommands != null) {
            for (CommandEntry e : subcommands.all()) {
                e.resetStats();
            }
        }
    }
}
