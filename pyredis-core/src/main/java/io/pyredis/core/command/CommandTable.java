package io.pyredis.core.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Commands by name, looked up case-insensitively straight from the request's bytes: an
 * open-addressing table of lower-case names, hashed and compared with ASCII case folded
 * on the fly, so a lookup allocates nothing. Filled at start; afterwards changed only by
 * {@link #swap}, on the command thread between two commands (plugin load, unload, reload).
 */
public final class CommandTable {

    private byte[][] keys = new byte[64][];
    private CommandEntry[] values = new CommandEntry[64];
    private final List<CommandEntry> inOrder = new ArrayList<>();

    /** Adds {@code entry} under {@code lowerName}; false (and nothing added) when the name is taken. */
    public boolean put(String lowerName, CommandEntry entry) {
        byte[] name = lowerName.getBytes(StandardCharsets.US_ASCII);
        if (get(name) != null) {
            return false;
        }
        if ((inOrder.size() + 1) * 2 > keys.length) {
            grow();
        }
        insert(name, entry);
        inOrder.add(entry);
        return true;
    }

    /**
     * Removes the commands named {@code remove} and adds {@code add} in one step: a lookup
     * sees the table before or after, never a pack half gone (its commands appear and
     * disappear together). Builds the new arrays apart and publishes them last.
     *
     * @throws IllegalArgumentException when a name of {@code add} is still taken after the
     *                                  removals (nothing is changed then)
     */
    public void swap(Collection<String> remove, Collection<CommandEntry> add) {
        Set<String> gone = new HashSet<>();
        for (String n : remove) {
            gone.add(n.toLowerCase(Locale.ROOT));
        }
        List<CommandEntry> next = new ArrayList<>(inOrder.size() + add.size());
        Set<String> names = new HashSet<>();
        for (CommandEntry e : inOrder) {
            if (!gone.contains(e.name())) {
                next.add(e);
                names.add(e.name());
            }
        }
        for (CommandEntry e : add) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("command '" + e.name() + "' is already taken");
            }
            next.add(e);
        }
        int cap = 64;
        while ((next.size() + 1) * 2 > cap) {
            cap *= 2;
        }
        byte[][] ks = new byte[cap][];
        CommandEntry[] vs = new CommandEntry[cap];
        for (CommandEntry e : next) {
            insert(ks, vs, e.name().getBytes(StandardCharsets.US_ASCII), e);
        }
        // values before keys: a reader holding the new keys array must find its values.
        values = vs;
        keys = ks;
        inOrder.clear();
        inOrder.addAll(next);
    }

    /** Whether {@code name} (any case) is taken. */
    public boolean contains(String name) {
        return get(name) != null;
    }

    /** The entry for {@code name} (any case), or null. */
    public CommandEntry get(String name) {
        return get(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The entry for {@code name} (any ASCII case), or null. Allocation-free. */
    public CommandEntry get(byte[] name) {
        byte[][] ks = keys;
        int mask = ks.length - 1;
        int len = name.length;
        int i = hash(name) & mask;
        byte[] k;
        while ((k = ks[i]) != null) {
            if (k.length == len && equalsLowered(k, name)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /**
     * Redis's lookupCommand: the command {@code argv[0]} names, or, for a container, its
     * subcommand {@code argv[1]} (the container itself when there is no argv[1]); null
     * when unknown.
     */
    public CommandEntry lookup(byte[][] argv) {
        CommandEntry e = get(argv[0]);
        if (e == null || e.subcommands() == null || argv.length < 2) {
            return e;
        }
        return e.subcommands().get(argv[1]);
    }

    /** All entries, in the order they were added. */
    public List<CommandEntry> all() {
        return Collections.unmodifiableList(inOrder);
    }

    public int size() {
        return inOrder.size();
    }

    private void grow() {
        byte[][] oldKeys = keys;
        CommandEntry[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        values = new CommandEntry[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private void insert(byte[] lowerName, CommandEntry e) {
        insert(keys, values, lowerName, e);
    }

    private static void insert(byte[][] keys, CommandEntry[] values, byte[] lowerName, CommandEntry e) {
        int mask = keys.length - 1;
        int i = hash(lowerName) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = lowerName;
        values[i] = e;
    }

    private static boolean equalsLowered(byte[] lowerKey, byte[] name) {
        for (int i = 0; i < lowerKey.length; i++) {
            byte c = name[i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lowerKey[i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] b) {
        int h = b.length;
        for (byte c : b) {
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            h = 31 * h + c;
        }
        return h ^ (h >>> 16);
    }
}
