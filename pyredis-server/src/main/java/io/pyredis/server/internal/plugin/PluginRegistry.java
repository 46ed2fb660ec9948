package io.pyredis.server.internal.plugin;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.Database;
import io.pyredis.api.PackContext;
import io.pyredis.api.PersistentType;
import io.pyredis.api.RedisValue;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import io.pyredis.core.util.Failures;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.ModuleTypes;
import io.pyredis.storage.Rdb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The plugins the server holds (from {@code plugins-dir} at start, and from PLUGIN LOAD),
 * and what loads, unloads and reloads them while the server runs. Every method runs on the
 * command thread, between two commands: a plugin's commands appear or disappear in one
 * {@link CommandTable#swap}, so a client never sees half a pack.
 *
 * <p>Each load gets a module layer of its own; an unload or reload lets go of everything
 * that holds the old layer's classes (command entries, data types, keyspace listeners
 * through its {@link Scope}, and the pack itself after {@link CommandPack#stop()}), so the
 * old layer's class loader can be collected ({@link #retiredLoaders()} watches it).
 */
public final class PluginRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    /** A pack's view of the server that can let go of what the pack registered through it. */
    public interface Scope extends PackContext {
        /** Drops the pack's keyspace listeners and whatever else it registered. */
        void release();
    }

    /** What a plugin is, as PLUGIN LIST and MODULE LIST show it. */
    public record Info(String name, String version, String origin, String path, List<String> commands,
                       List<String> dataTypes, long loadedAtMillis) {
    }

    private static final class Pack {
        final CommandPack pack;
        final String name;
        final List<Command> commands;
        final List<PersistentType<?>> types;
        final List<CommandEntry> entries;
        Scope scope;

        Pack(CommandPack pack, List<Command> commands, List<PersistentType<?>> types, List<CommandEntry> entries) {
            this.pack = pack;
            this.name = pack.name();
            this.commands = commands;
            this.types = types;
            this.entries = entries;
        }
    }

    private static final class Plugin {
        final Path path;
        final String origin;
        final String stamp;
        final PackLoader.Opened opened;
        final List<Pack> packs;
        final long loadedAt;

        Plugin(Path path, String origin, String stamp, PackLoader.Opened opened, List<Pack> packs) {
            this.path = path;
            this.origin = origin;
            this.stamp = stamp;
            this.opened = opened;
            this.packs = packs;
            this.loadedAt = System.currentTimeMillis();
        }
    }

    private final CommandTable table;
    private final Keyspace keyspace;
    private final java.util.function.Function<String, Scope> scopes;
    private final Supplier<Path> pluginsDir;
    /** Data type name to the pack that owns it: the server's own packs' and the plugins'. */
    private final Map<String, String> typeOwners = new HashMap<>();
    private final List<PersistentType<?>> fixedTypes = new ArrayList<>();
    private final List<Plugin> plugins = new ArrayList<>();
    private final List<WeakReference<ClassLoader>> retired = new ArrayList<>();

    /**
     * @param scopes     the {@link PackContext} a plugin's pack gets at start, by pack name
     * @param pluginsDir the plugins directory PLUGIN RESCAN looks at (the config's, read each time)
     */
    public PluginRegistry(CommandTable table, Keyspace keyspace, java.util.function.Function<String, Scope> scopes,
                          Supplier<Path> pluginsDir) {
        this.table = table;
        this.keyspace = keyspace;
        this.scopes = scopes;
        this.pluginsDir = pluginsDir;
    }

    /**
     * Why the data types {@code types} of pack {@code pack} are refused (a bad name or
     * version, a name declared twice or another pack's), or null when they are fine.
     */
    public String checkTypes(List<PersistentType<?>> types, Set<String> replacing) {
        Set<String> names = new HashSet<>();
        for (PersistentType<?> t : types) {
            String problem = ModuleTypes.check(t);
            if (problem != null) {
                return problem;
            }
            String name = t.name();
            if (!names.add(name)) {
                return "data type '" + name + "' is declared twice";
            }
            String owner = typeOwners.get(name);
            if (owner != null && !replacing.contains(name)) {
                return "data type '" + name + "' is already taken by pack '" + owner + "'";
            }
        }
        return null;
    }

    /** Records the data types of a pack that is not a plugin (on the module path, or added by the builder). */
    public void addFixedTypes(String pack, List<PersistentType<?>> types) {
        for (PersistentType<?> t : types) {
            typeOwners.put(t.name(), pack);
            fixedTypes.add(t);
        }
    }

    /** Every data type the server knows now: what RDB, RESTORE and the AOF read plugin values with. */
    public ModuleTypes moduleTypes() {
        List<PersistentType<?>> all = new ArrayList<>(fixedTypes);
        for (Plugin p : plugins) {
            for (Pack k : p.packs) {
                all.addAll(k.types);
            }
        }
        return ModuleTypes.of(all);
    }

    /**
     * Takes a plugins-directory entry at start: its commands and types are in place when this
     * returns; its packs start with {@link #startAll()}.
     *
     * @return why it was refused, or null
     */
    public String addAtStart(Path path, String origin, List<Path> jars, PackLoader.Opened opened) {
        try {
            Plugin p = prepare(path.toAbsolutePath().normalize(), origin, jars, opened, null);
            commit(p, null);
            return null;
        } catch (PackLoader.Refused e) {
            opened.close();
            return e.getMessage();
        }
    }

    /** Starts the packs of the plugins taken at start ({@link CommandPack#start}). */
    public void startAll() {
        for (Plugin p : plugins) {
            start(p);
        }
    }

    /**
     * PLUGIN LOAD: opens {@code path} (a jar, or a folder of jars) in a new layer and adds its
     * packs.
     *
     * @return the names of the packs loaded
     */
    public List<String> load(Path path) throws PackLoader.Refused {
        Path abs = path.toAbsolutePath().normalize();
        try {
            return loadNew(abs);
        } catch (PackLoader.Refused e) {
            LOG.warn("Plugin {} not loaded: {}", abs, e.getMessage());
            throw e;
        }
    }

    private List<String> loadNew(Path abs) throws PackLoader.Refused {
        for (Plugin p : plugins) {
            if (p.path.equals(abs)) {
                throw new PackLoader.Refused(p.origin + " is already loaded (pack '" + p.packs.get(0).name
                        + "'): use PLUGIN RELOAD");
            }
        }
        String origin = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
        List<Path> jars = PackLoader.jarsOf(abs);
        Plugin p = open(abs, origin, jars, null);
        commit(p, null);
        start(p);
        LOG.info("Loaded plugin {}: packs {}", abs, names(p));
        return names(p);
    }

    /**
     * PLUGIN UNLOAD: removes the plugin holding pack {@code name} (all the packs of its jar or
     * folder), refused while keys of its data types exist.
     *
     * @return the names of the packs unloaded
     */
    public List<String> unload(String name) throws PackLoader.Refused {
        Plugin p = find(name);
        try {
            return unload(p, name);
        } catch (PackLoader.Refused e) {
            LOG.warn("Plugin {} not unloaded: {}", p.path, e.getMessage());
            throw e;
        }
    }

    private List<String> unload(Plugin p, String name) throws PackLoader.Refused {
        Map<PersistentType<?>, Long> counts = countKeys(p);
        for (Map.Entry<PersistentType<?>, Long> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                throw new PackLoader.Refused("cannot unload plugin '" + name + "': " + e.getValue()
                        + " keys of its data type '" + e.getKey().name() + "' exist (delete them, or PLUGIN RELOAD a "
                        + "version that still declares the type)");
            }
        }
        commit(null, p);
        LOG.info("Unloaded plugin {}: packs {}", p.path, names(p));
        return names(p);
    }

    /** Whether the plugin holding pack {@code name} holds values in the keyspace (MODULE UNLOAD's EBUSY). */
    public boolean holdsKeys(String name) throws PackLoader.Refused {
        return countKeys(find(name)).values().stream().anyMatch(n -> n > 0);
    }

    /**
     * PLUGIN RELOAD: opens the plugin of pack {@code name} again from its jar or folder, in a
     * new layer, hands the values of its data types to the new version (saved with the old
     * type's {@link PersistentType#save}, loaded with the new one's {@link PersistentType#load})
     * and swaps its commands in one step. On any refusal the old version stays as it was.
     */
    public List<String> reload(String name) throws PackLoader.Refused {
        Plugin old = find(name);
        Plugin next = reopen(old);
        return names(next);
    }

    private Plugin reopen(Plugin old) throws PackLoader.Refused {
        try {
            return replace(old);
        } catch (PackLoader.Refused e) {
            LOG.warn("Plugin {} not reloaded, the loaded version stays: {}", old.path, e.getMessage());
            throw e;
        }
    }

    private Plugin replace(Plugin old) throws PackLoader.Refused {
        List<Path> jars = PackLoader.jarsOf(old.path);
        Plugin next = open(old.path, old.origin, jars, old);
        List<Runnable> moves;
        try {
            moves = migrate(old, next);
        } catch (PackLoader.Refused e) {
            next.opened.close();
            throw e;
        }
        commit(next, old);
        moves.forEach(Runnable::run);
        start(next);
        LOG.info("Reloaded plugin {}: packs {} ({} values handed over)", old.path, names(next), moves.size());
        return next;
    }

    /**
     * PLUGIN RESCAN: makes the plugins taken from the plugins directory match it: new entries
     * loaded, missing ones unloaded, changed ones (file size or time) reloaded.
     *
     * @return one line per change or refusal
     */
    public List<String> rescan() {
        Path dir = pluginsDir.get().toAbsolutePath().normalize();
        List<String> out = new ArrayList<>();
        Map<Path, String> present = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                ds.forEach(entries::add);
            } catch (IOException e) {
                out.add("refused " + dir + ": cannot list the plugins directory: " + e);
                return out;
            }
            entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
            for (Path e : entries) {
                if (Files.isDirectory(e) || e.getFileName().toString().endsWith(".jar")) {
                    try {
                        present.put(e.toAbsolutePath().normalize(), stamp(PackLoader.jarsOf(e)));
                    } catch (PackLoader.Refused ignored) {
                        // an empty folder is no plugin (yet)
                    }
                }
            }
        }
        for (Plugin p : List.copyOf(plugins)) {
            if (!dir.equals(p.path.getParent())) {
                continue;
            }
            String now = present.remove(p.path);
            try {
                if (now == null) {
                    out.add("unloaded " + p.origin + ": " + String.join(", ", unload(p.packs.get(0).name)));
                } else if (!now.equals(p.stamp)) {
                    out.add("reloaded " + p.origin + ": " + String.join(", ", names(reopen(p))));
                }
            } catch (PackLoader.Refused e) {
                out.add("refused " + p.origin + ": " + e.getMessage());
            }
        }
        for (Path path : present.keySet()) {
            try {
                out.add("loaded " + path.getFileName() + ": " + String.join(", ", load(path)));
            } catch (PackLoader.Refused e) {
                out.add("refused " + path.getFileName() + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The plugins' packs, in load order. */
    public List<Info> list() {
        List<Info> out = new ArrayList<>();
        for (Plugin p : plugins) {
            for (Pack k : p.packs) {
                List<String> commands = k.commands.stream().map(c -> c.spec().name()).toList();
                List<String> types = k.types.stream().map(PersistentType::name).toList();
                out.add(new Info(k.name, version(k.pack), p.origin, p.path.toString(), commands, types, p.loadedAt));
            }
        }
        return out;
    }

    /** The class loaders of unloaded or replaced versions not yet collected (a leak, when they stay). */
    public int retiredLoaders() {
        retired.removeIf(r -> r.get() == null);
        return retired.size();
    }

    private Plugin find(String name) throws PackLoader.Refused {
        for (Plugin p : plugins) {
            for (Pack k : p.packs) {
                if (k.name.equals(name)) {
                    return p;
                }
            }
        }
        throw new PackLoader.Refused("no such plugin '" + name + "' (PLUGIN LIST shows the loaded ones)");
    }

    private Plugin open(Path path, String origin, List<Path> jars, Plugin replacing) throws PackLoader.Refused {
        PackLoader.Opened opened = PackLoader.open(origin, jars);
        try {
            return prepare(path, origin, jars, opened, replacing);
        } catch (PackLoader.Refused e) {
            opened.close();
            throw e;
        }
    }

    /** Checks the packs of {@code opened} against the table as it would be without {@code replacing}. */
    private Plugin prepare(Path path, String origin, List<Path> jars, PackLoader.Opened opened, Plugin replacing)
            throws PackLoader.Refused {
        Set<String> ownCommands = new HashSet<>();
        Set<String> ownTypes = new HashSet<>();
        if (replacing != null) {
            for (Pack k : replacing.packs) {
                k.entries.forEach(e -> ownCommands.add(e.name()));
                k.types.forEach(t -> ownTypes.add(t.name()));
            }
        }
        Set<String> taken = new HashSet<>();
        List<Pack> packs = new ArrayList<>();
        for (CommandPack cp : opened.packs()) {
            List<Command> commands = PackLoader.inspect(cp);
            List<PersistentType<?>> types;
            try {
                types = List.copyOf(cp.dataTypes());
            } catch (Throwable e) {
                Failures.rethrowIfFatal(e);
                throw new PackLoader.Refused("pack '" + cp.name() + "': dataTypes() failed: " + e);
            }
            String bad = checkTypes(types, ownTypes);
            if (bad != null) {
                throw new PackLoader.Refused("pack '" + cp.name() + "' skipped: " + bad);
            }
            List<CommandEntry> entries = new ArrayList<>();
            for (Command c : commands) {
                String n = c.spec().name();
                CommandEntry have = table.get(n);
                if ((have != null && !ownCommands.contains(have.name())) || !taken.add(n)) {
                    throw new PackLoader.Refused("pack '" + cp.name() + "' skipped: command '" + n
                            + "' is already taken by pack '" + (have != null ? have.packName() : "(this plugin)") + "'");
                }
                try {
                    entries.add(new CommandEntry(c, cp.name(), cp.name()));
                } catch (IllegalArgumentException e) {
                    throw new PackLoader.Refused("pack '" + cp.name() + "' skipped: " + e.getMessage());
                }
            }
            packs.add(new Pack(cp, commands, types, entries));
        }
        return new Plugin(path, origin, stamp(jars), opened, packs);
    }

    /**
     * The values of {@code old}'s types converted to {@code next}'s, as closures that store
     * them (run once the new types are in place); refused when a type holding values is gone
     * or a value does not load in the new version.
     */
    private List<Runnable> migrate(Plugin old, Plugin next) throws PackLoader.Refused {
        Map<String, PersistentType<?>> newTypes = new HashMap<>();
        for (Pack k : next.packs) {
            k.types.forEach(t -> newTypes.put(t.name(), t));
        }
        Map<PersistentType<?>, Long> counts = countKeys(old);
        for (Map.Entry<PersistentType<?>, Long> e : counts.entrySet()) {
            if (e.getValue() > 0 && !newTypes.containsKey(e.getKey().name())) {
                throw new PackLoader.Refused("cannot reload plugin '" + old.packs.get(0).name + "': " + e.getValue()
                        + " keys of its data type '" + e.getKey().name() + "' exist and the new version does not declare it");
            }
        }
        if (counts.values().stream().allMatch(n -> n == 0)) {
            return List.of();
        }
        ModuleTypes target = ModuleTypes.of(newTypes.values());
        List<Runnable> moves = new ArrayList<>();
        for (int i = 0; i < keyspace.databases(); i++) {
            Database db = keyspace.db(i);
            List<byte[]> keys = new ArrayList<>();
            db.forEachKey(keys::add);
            for (byte[] key : keys) {
                RedisValue v = db.inspect(key);
                if (v == null || !counts.containsKey(v.type())) {
                    continue;
                }
                RedisValue converted;
                try {
                    byte[] payload = Rdb.dump(v, false, keyspace.encodingLimits());
                    converted = Rdb.restore(payload, keyspace.encodingLimits(), target);
                } catch (RuntimeException e) {
                    throw new PackLoader.Refused("cannot reload plugin '" + old.packs.get(0).name + "': the new version "
                            + "does not load a value of data type '" + v.type().name() + "' the old one saved ("
                            + PackLoader.reason(e) + ")");
                }
                moves.add(() -> db.setKeepTtl(key, converted));
            }
        }
        return moves;
    }

    private Map<PersistentType<?>, Long> countKeys(Plugin p) {
        Map<PersistentType<?>, Long> counts = new IdentityHashMap<>();
        for (Pack k : p.packs) {
            k.types.forEach(t -> counts.put(t, 0L));
        }
        if (counts.isEmpty()) {
            return counts;
        }
        for (int i = 0; i < keyspace.databases(); i++) {
            Database db = keyspace.db(i);
            db.forEachKey(key -> {
                RedisValue v = db.inspect(key);
                if (v != null && counts.containsKey(v.type())) {
                    counts.merge((PersistentType<?>) v.type(), 1L, Long::sum);
                }
            });
        }
        return counts;
    }

    /** Swaps {@code old}'s commands and types for {@code next}'s (either may be null), then lets go of {@code old}. */
    private void commit(Plugin next, Plugin old) {
        List<String> remove = new ArrayList<>();
        List<CommandEntry> add = new ArrayList<>();
        if (old != null) {
            old.packs.forEach(k -> k.entries.forEach(e -> remove.add(e.name())));
        }
        if (next != null) {
            next.packs.forEach(k -> add.addAll(k.entries));
        }
        table.swap(remove, add);
        int at = old == null ? plugins.size() : plugins.indexOf(old);
        if (old != null) {
            plugins.remove(old);
            old.packs.forEach(k -> k.types.forEach(t -> typeOwners.remove(t.name())));
        }
        if (next != null) {
            plugins.add(at, next);
            next.packs.forEach(k -> k.types.forEach(t -> typeOwners.put(t.name(), k.name)));
        }
        keyspace.moduleTypes(moduleTypes());
        if (old != null) {
            retire(old);
        }
    }

    private void start(Plugin p) {
        for (Pack k : p.packs) {
            k.scope = scopes.apply(k.name);
            try {
                k.pack.start(k.scope);
            } catch (Throwable e) {
                // As at server start: a pack that fails to start keeps its commands.
                Failures.rethrowIfFatal(e);
                LOG.error("Plugin {}: pack '{}' failed to start", p.origin, k.name, e);
            }
        }
    }

    private void retire(Plugin p) {
        for (Pack k : p.packs) {
            try {
                k.pack.stop();
            } catch (Throwable e) {
                Failures.rethrowIfFatal(e);
                LOG.error("Plugin {}: pack '{}' failed to stop", p.origin, k.name, e);
            }
            if (k.scope != null) {
                k.scope.release();
                k.scope = null;
            }
        }
        if (p.opened.loader() != null) {
            retired.add(new WeakReference<>(p.opened.loader()));
        }
        p.opened.close();
    }

    private static List<String> names(Plugin p) {
        return p.packs.stream().map(k -> k.name).toList();
    }

    /** What tells a changed plugin: its jars' names, sizes and modification times. */
    private static String stamp(List<Path> jars) {
        StringBuilder sb = new StringBuilder();
        for (Path j : jars) {
            try {
                sb.append(j.getFileName()).append(':').append(Files.size(j)).append(':')
                        .append(Files.getLastModifiedTime(j).toMillis()).append(';');
            } catch (IOException e) {
                sb.append(j.getFileName()).append(":?;");
            }
        }
        return sb.toString();
    }

    /** The pack's version: its module's, else its jar's Implementation-Version, else "". */
    static String version(CommandPack pack) {
        Module m = pack.getClass().getModule();
        if (m.isNamed() && m.getDescriptor() != null) {
            java.util.Optional<String> v = m.getDescriptor().rawVersion();
            if (v.isPresent()) {
                return v.get();
            }
        }
        Package pkg = pack.getClass().getPackage();
        String v = pkg == null ? null : pkg.getImplementationVersion();
        return v == null ? "" : v;
    }

    /** Redis's module version integer for {@code version} ("2.6.9" is 20609), 0 when it is not numbers. */
    public static int moduleVersion(String version) {
        String[] parts = version.split("[.]");
        int v = 0;
        try {
            for (int i = 0; i < 3; i++) {
                int n = i < parts.length ? Integer.parseInt(parts[i].replaceAll("[^0-9].*", "")) : 0;
                v = v * 100 + Math.min(n, 99);
            }
        } catch (NumberFormatException e) {
            return 0;
        }
        return v;
    }
}
