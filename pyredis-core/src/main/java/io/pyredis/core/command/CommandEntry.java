package io.pyredis.core.command;

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
    private final boolean write;
    private final Role role;
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
        this.write = spec.has(CommandFlag.WRITE);
        this.role = command instanceof ServerCommand ? ((ServerCommand) command).role() : Role.NONE;
        this.arityError = "ERR wrong number of arguments for '" + spec.name() + "' command";
        // Read commands' lookups are Redis's lookupKeyRead; a write command's are its
        // lookupKeyWrite, unless it asks with Database.read/inspect.
        this.lookupRule = write ? LookupRule.NONE : LookupRule.ALL;
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

    /** Its part in command processing (EXEC, PING, ...), {@link Role#NONE} for most. */
    public Role role() {
        return role;
    }

    /** Has the {@code write} flag. */
    public boolean isWrite() {
        return write;
    }

    /**
     * How the command's plain lookups count ({@link LookupRule#ALL} for read commands, as
     * Redis's lookupKeyRead; {@link LookupRule#NONE} for write commands, as its
     * lookupKeyWrite): what the call unit sets on the keyspace while it runs.
     */
    public LookupRule lookupRule() {
        return lookupRule;
    }

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
