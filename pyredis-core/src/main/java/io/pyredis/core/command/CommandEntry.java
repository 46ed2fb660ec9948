package io.pyredis.core.command;

import io.pyredis.api.AclCategory;
import io.pyredis.api.Command;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;
import io.pyredis.storage.LookupRule;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A command as the call unit holds it: the handler, what the hot path needs precomputed
 * (arity, flags as booleans, the arity error), what Redis derives from a command's metadata
 * when it builds its table (the legacy first/last/step key range, the movablekeys flag, the
 * implicit ACL categories), its subcommands, and its call statistics (INFO commandstats).
 * Statistics are written only on the loop thread.
 */
public final class CommandEntry {

    private final Command command;
    private final CommandSpec spec;
    private final String packName;
    private final String module;
    private final int arity;
    private final boolean noAuth;
    private final boolean noMulti;
    private final boolean write;
    private final Role role;
    private final String arityError;
    private final CommandTable subcommands;
    private final LookupRule lookupRule;
    private final Set<CommandFlag> flags;
    private final Set<AclCategory> aclCategories;
    private final int firstKey;
    private final int lastKey;
    private final int keyStep;
    private final boolean ownKeyFinder;
    private final boolean callFlags;
    private final boolean touchesArbitraryKeys;
    private final boolean isProtected;
    /** Its bit in ACL selectors' command bitmaps (Redis's cmd->id), -1 until the ACL indexes it. */
    private int aclId = -1;
    private CommandEntry parent;

    /** calls */
    public long calls;
    /** usec, in nanoseconds */
    public long nanos;
    /** rejected_calls: refused before running (arity, auth) */
    public long rejectedCalls;
    /** failed_calls: ran and answered an error */
    public long failedCalls;
    /** The calls' latency distribution (INFO latencystats, LATENCY HISTOGRAM); null until one is recorded. */
    public io.pyredis.core.stats.LatencyHistogram latencyHistogram;

    /** A command of {@code packName} that is not a module's (the server's, or a pack shipped with it). */
    public CommandEntry(Command command, String packName) {
        this(command, packName, null);
    }

    /**
     * @param module the module the command belongs to (a plugin's pack name, as Redis's
     *               module commands: the {@code module} flag, the {@code module} group), or
     *               null for the server's and its own packs' commands
     */
    public CommandEntry(Command command, String packName, String module) {
        this.command = command;
        this.spec = command.spec();
        this.packName = packName;
        this.module = module;
        this.arity = spec.arity();
        this.noAuth = spec.has(CommandFlag.NO_AUTH);
        this.noMulti = spec.has(CommandFlag.NO_MULTI);
        this.write = spec.has(CommandFlag.WRITE);
        this.role = command instanceof ServerCommand ? ((ServerCommand) command).role() : Role.NONE;
        this.arityError = "ERR wrong number of arguments for '" + spec.name() + "' command";
        // Read commands' lookups are Redis's lookupKeyRead; a write command's are its
        // lookupKeyWrite, unless it asks with Database.read/inspect.
        this.lookupRule = write ? LookupRule.NONE : LookupRule.ALL;
        this.ownKeyFinder = overridesKeys(command);
        this.callFlags = overrides(command, "callFlags");
        int[] range = new int[3];
        boolean movable = legacyRange(spec.keySpecs(), range);
        this.firstKey = range[0];
        this.lastKey = range[1];
        this.keyStep = range[2];
        EnumSet<CommandFlag> f = spec.flags().isEmpty() ? EnumSet.noneOf(CommandFlag.class) : EnumSet.copyOf(spec.flags());
        if (movable) {
            f.add(CommandFlag.MOVABLEKEYS);
        }
        if (module != null) {
            f.add(CommandFlag.MODULE);
        }
        this.flags = Collections.unmodifiableSet(f);
        this.touchesArbitraryKeys = f.contains(CommandFlag.TOUCHES_ARBITRARY_KEYS);
        this.isProtected = f.contains(CommandFlag.PROTECTED);
        this.aclCategories = Collections.unmodifiableSet(implicitCategories(spec));
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
                CommandEntry se = new CommandEntry(sub, packName, module);
                se.parent = this;
                t.put(full.substring(prefix.length()), se);
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

    /**
     * Its flags as COMMAND INFO shows them: the spec's, plus {@code movablekeys} when its
     * keys cannot be told by a first/last/step range, and {@code module} for a module's.
     */
    public Set<CommandFlag> flags() {
        return flags;
    }

    /** Its ACL categories: the spec's and those its flags imply (Redis's setImplicitACLCategories). */
    public Set<AclCategory> aclCategories() {
        return aclCategories;
    }

    /** COMMAND INFO's first key: the legacy range Redis derives from the key specs (0: none). */
    public int firstKey() {
        return firstKey;
    }

    /** COMMAND INFO's last key (negative counts from the end). */
    public int lastKey() {
        return lastKey;
    }

    /** COMMAND INFO's key step. */
    public int keyStep() {
        return keyStep;
    }

    /** The module (plugin pack) the command belongs to, or null. */
    public String module() {
        return module;
    }

    /** Has the {@code touches_arbitrary_keys} flag: what it propagates is not wrapped in MULTI/EXEC. */
    public boolean touchesArbitraryKeys() {
        return touchesArbitraryKeys;
    }

    /**
     * The flags of the call {@code args}: the command's {@link Command#callFlags} when it
     * gives them (EVAL's, from the script's shebang), else the spec's.
     */
    public Set<CommandFlag> flags(byte[][] args) {
        if (callFlags) {
            Set<CommandFlag> f = command.callFlags(args);
            if (f != null) {
                return f;
            }
        }
        return flags;
    }

    /** Whether the command finds its keys itself ({@link Command#keys}), as Redis's getkeys_proc. */
    public boolean hasOwnKeyFinder() {
        return ownKeyFinder;
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

    /** Has the {@code protected} flag (DEBUG, MODULE): allowed only as a config says. */
    public boolean isProtected() {
        return isProtected;
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

    private static boolean overridesKeys(Command c) {
        return overrides(c, "keys");
    }

    /** Whether {@code c} overrides the default method {@code name(byte[][])} of {@link Command}. */
    private static boolean overrides(Command c, String name) {
        try {
            return c.getClass().getMethod(name, byte[][].class).getDeclaringClass() != Command.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Redis's setImplicitACLCategories. */
    private static EnumSet<AclCategory> implicitCategories(CommandSpec spec) {
        EnumSet<AclCategory> c = spec.aclCategories().isEmpty() ? EnumSet.noneOf(AclCategory.class)
                : EnumSet.copyOf(spec.aclCategories());
        if (spec.has(CommandFlag.WRITE)) {
            c.add(AclCategory.WRITE);
        }
        // Scripting commands are not in @read, as Redis excludes them.
        if (spec.has(CommandFlag.READONLY) && !c.contains(AclCategory.SCRIPTING)) {
            c.add(AclCategory.READ);
        }
        if (spec.has(CommandFlag.ADMIN)) {
            c.add(AclCategory.ADMIN);
            c.add(AclCategory.DANGEROUS);
        }
        if (spec.has(CommandFlag.PUBSUB)) {
            c.add(AclCategory.PUBSUB);
        }
        if (spec.has(CommandFlag.FAST)) {
            c.add(AclCategory.FAST);
        }
        if (spec.has(CommandFlag.BLOCKING)) {
            c.add(AclCategory.BLOCKING);
        }
        if (!c.contains(AclCategory.FAST)) {
            c.add(AclCategory.SLOW);
        }
        return c;
    }

    /**
     * Redis's populateCommandLegacyRangeSpec: the one first/last/step range COMMAND INFO
     * shows for clients that predate key specs, into {@code out}; returns whether the keys
     * are movable (not all of them in such a range).
     */
    static boolean legacyRange(List<KeySpec> specs, int[] out) {
        if (specs.isEmpty()) {
            return false;
        }
        if (specs.size() == 1 && specs.get(0).beginSearch() instanceof KeySpec.Index idx
                && specs.get(0).findKeys() instanceof KeySpec.Range r) {
            out[0] = idx.pos();
            out[1] = r.lastKey() >= 0 ? r.lastKey() + idx.pos() : r.lastKey();
            out[2] = r.step();
            return specs.get(0).flags().contains(KeyFlag.INCOMPLETE);
        }
        boolean movable = false;
        int first = Integer.MAX_VALUE;
        int last = 0;
        int prevLast = 0;
        for (KeySpec s : specs) {
            if (!(s.beginSearch() instanceof KeySpec.Index idx) || !(s.findKeys() instanceof KeySpec.Range r)) {
                movable = true;
                continue;
            }
            if (r.step() != 1 || (prevLast != 0 && prevLast != idx.pos() - 1)) {
                movable = true;
                continue;
            }
            if (s.flags().contains(KeyFlag.INCOMPLETE)) {
                movable = true;
            }
            first = Math.min(first, idx.pos());
            int abs = r.lastKey() >= 0 ? r.lastKey() + idx.pos() : r.lastKey();
            // Redis compares unsigned, so a negative (from the end) last key wins.
            last = Integer.compareUnsigned(last, abs) >= 0 ? last : abs;
            prevLast = last;
        }
        if (first == Integer.MAX_VALUE) {
            return true;
        }
        out[0] = first;
        out[1] = last;
        out[2] = 1;
        return movable;
    }

    /** Its ACL command id (Redis's cmd->id), -1 before the ACL has indexed the table. */
    public int aclId() {
        return aclId;
    }

    /** Set once by the ACL when it indexes the command table. */
    public void aclId(int id) {
        this.aclId = id;
    }

    /** The container of a subcommand ({@code config} for {@code config|get}), or null. */
    public CommandEntry parent() {
        return parent;
    }

    /** Zeroes the statistics, here and in the subcommands (CONFIG RESETSTAT). */
    public void resetStats() {
        calls = 0;
        nanos = 0;
        rejectedCalls = 0;
        failedCalls = 0;
        latencyHistogram = null;
        if (subcommands != null) {
            for (CommandEntry e : subcommands.all()) {
                e.resetStats();
            }
        }
    }
}
