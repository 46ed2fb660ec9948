package io.pyredis.server.internal.plugin;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.SpiVersion;
import io.pyredis.core.util.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Finds command packs: those on the module path or class path (ServiceLoader), and those
 * in the plugins directory, where each {@code *.jar}, and each sub-folder of jars, gets
 * its own module layer (or, when the server itself runs on the class path, its own class
 * loader). A plugin that cannot be used is logged at WARN with its file name and the
 * reason, and skipped: it never stops the server.
 */
public final class PackLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PackLoader.class);

    /** Takes a candidate pack; returns null when taken, else why it was refused. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param plugin whether it comes from the plugins directory: its commands are then a
         *               module's, as Redis shows a loaded module's commands
         */
        String accept(CommandPack pack, List<Command> commands, String origin, boolean plugin);
    }

    private final Sink sink;
    private final List<String> warnings = new ArrayList<>();

    public PackLoader(Sink sink) {
        this.sink = sink;
    }

    /** The WARN messages logged so far (one per skipped plugin or pack). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Packs visible to the server's own class loader: the module path's or the class path's. */
    public void loadFromPath() {
        ServiceLoader<CommandPack> sl = ServiceLoader.load(CommandPack.class, CommandPack.class.getClassLoader());
        Iterator<ServiceLoader.Provider<CommandPack>> it = sl.stream().iterator();
        String origin = CommandPack.class.getModule().isNamed() ? "module path" : "class path";
        List<CommandPack> packs = new ArrayList<>();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                packs.add(it.next().get());
            } catch (ServiceConfigurationError e) {
                warn(origin, "a pack failed to load: " + reason(e));
            }
        }
        packs.sort(Comparator.comparing(p -> p.getClass().getName()));
        for (CommandPack p : packs) {
            offer(p, origin, false);
        }
    }

    /** Packs in the jars and folders of {@code dir}; a missing directory holds none. */
    public void loadFromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.debug("No plugins directory at {}", dir.toAbsolutePath());
            return;
        }
        List<Path> entries;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            entries = new ArrayList<>();
            ds.forEach(entries::add);
        } catch (IOException e) {
            warn(dir.toString(), "cannot list the plugins directory: " + e);
            return;
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                List<Path> jars;
                try {
                    jars = jarsOf(p);
                } catch (Refused e) {
                    // An empty folder is no plugin (yet); one that cannot be listed is worth a WARN.
                    if (e.getMessage().startsWith("cannot")) {
                        warn(name, e.getMessage());
                    } else {
                        LOG.debug("Plugin folder {} holds no jar", name);
                    }
                    continue;
                }
                loadGroup(p, name, jars);
            } else if (name.endsWith(".jar")) {
                loadGroup(p, name, List.of(p));
            }
        }
    }

    private void loadGroup(Path entry, String origin, List<Path> jars) {
        Opened opened;
        try {
            opened = open(origin, jars);
        } catch (Refused e) {
            warn(origin, e.getMessage());
            return;
        }
        if (groups != null) {
            String refused = groups.accept(entry, origin, jars, opened);
            if (refused != null) {
                warn(origin, refused);
            } else {
                LOG.info("Loaded plugin {}", origin);
            }
            return;
        }
        for (CommandPack p : opened.packs()) {
            offer(p, origin, true);
        }
    }

    /** Why a plugin cannot be used: the text logged, or replied to PLUGIN LOAD. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The packs of one plugin (a jar or a folder of jars) and what loaded them: its own
     * module layer (or class loader), which {@link #close()} lets go of.
     */
    public record Opened(List<CommandPack> packs, ClassLoader loader, URLClassLoader closeable) {
        /** Closes the class loader when it is one of ours to close (a layer's loader is only dropped). */
        public void close() {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (IOException e) {
                    LOG.debug("Closing a plugin's class loader", e);
                }
            }
        }
    }

    /** Takes the packs of a plugins-directory entry instead of offering them one by one. */
    @FunctionalInterface
    public interface GroupSink {
        /** @return why the plugin was refused (logged at WARN naming it), or null */
        String accept(Path entry, String origin, List<Path> jars, Opened opened);
    }

    private GroupSink groups;

    /** Plugins-directory entries go to {@code g} (the plugin registry, which can unload them later). */
    public void groups(GroupSink g) {
        this.groups = g;
    }

    /** The jars of {@code entry}: itself when a jar, the jars it holds when a folder. */
    public static List<Path> jarsOf(Path entry) throws Refused {
        if (Files.isDirectory(entry)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(entry, "*.jar")) {
                List<Path> jars = new ArrayList<>();
                ds.forEach(jars::add);
                jars.sort(Comparator.comparing(p -> p.getFileName().toString()));
                if (jars.isEmpty()) {
                    throw new Refused("the folder holds no jar");
                }
                return jars;
            } catch (IOException e) {
                throw new Refused("cannot list the folder: " + e);
            }
        }
        if (!Files.exists(entry)) {
            throw new Refused("no such file or folder");
        }
        return List.of(entry);
    }

    /**
     * Opens a plugin: checks its jars, gives them a new module layer (or class loader), and
     * instantiates its packs, in a layer of their own each time (so a reload gets new classes).
     */
    public static Opened open(String origin, List<Path> jars) throws Refused {
        for (Path jar : jars) {
            String problem = checkJar(jar);
            if (problem != null) {
                throw new Refused((origin.equals(jar.getFileName().toString()) ? "" : jar.getFileName() + ": ") + problem);
            }
        }
        Opened opened;
        try {
            opened = CommandPack.class.getModule().isNamed() ? viaLayer(jars) : viaClassLoader(jars);
        } catch (Throwable e) {
            // ServiceConfigurationError, LinkageError, or whatever a provider's constructor throws.
            Failures.rethrowIfFatal(e);
            throw new Refused(reason(e));
        }
        if (opened.packs().isEmpty()) {
            opened.close();
            throw new Refused("it provides no " + CommandPack.class.getName()
                    + " (a plugin needs 'provides io.pyredis.api.CommandPack with ...' in its module-info, "
                    + "or a META-INF/services/io.pyredis.api.CommandPack file)");
        }
        return opened;
    }

    private static String checkJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return "not a regular file";
        }
        try (JarFile j = new JarFile(jar.toFile())) {
            j.getManifest();
            return null;
        } catch (IOException | SecurityException e) {
            return "not a readable jar (" + e.getMessage() + ")";
        }
    }

    private static Opened viaLayer(List<Path> jars) {
        ModuleLayer parent = CommandPack.class.getModule().getLayer();
        if (parent == null) {
            parent = ModuleLayer.boot();
        }
        ModuleFinder finder = ModuleFinder.of(jars.toArray(new Path[0]));
        Set<String> roots = finder.findAll().stream()
                .map(ModuleReference::descriptor)
                .map(d -> d.name())
                .collect(Collectors.toSet());
        Configuration cf = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        ModuleLayer layer = parent.defineModulesWithOneLoader(cf, CommandPack.class.getClassLoader());
        List<CommandPack> packs = new ArrayList<>();
        ClassLoader loader = null;
        for (ServiceLoader.Provider<CommandPack> p : ServiceLoader.load(layer, CommandPack.class)
                .stream().collect(Collectors.toList())) {
            if (p.type().getModule().getLayer() == layer) {
                packs.add(p.get());
                loader = p.type().getClassLoader();
            }
        }
        return new Opened(packs, loader, null);
    }

    private static Opened viaClassLoader(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        URLClassLoader loader = new URLClassLoader(urls, CommandPack.class.getClassLoader());
        List<CommandPack> packs = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<CommandPack> p : ServiceLoader.load(CommandPack.class, loader)
                    .stream().collect(Collectors.toList())) {
                if (p.type().getClassLoader() == loader) {
                    packs.add(p.get());
                }
            }
        } catch (RuntimeException | Error e) {
            try {
                loader.close();
            } catch (IOException ignored) {
                // the constructor's failure is the one to report
            }
            throw e;
        }
        return new Opened(packs, loader, loader);
    }

    private void offer(CommandPack pack, String origin, boolean plugin) {
        List<Command> commands;
        try {
            commands = inspect(pack);
        } catch (Refused e) {
            warn(origin, e.getMessage());
            return;
        }
        String name = pack.name();
        String refused = sink.accept(pack, commands, origin, plugin);
        if (refused != null) {
            warn(origin, "pack '" + name + "' skipped: " + refused);
            return;
        }
        LOG.info("Loaded pack '{}' ({} commands) from {}", name, commands.size(), origin);
    }

    /**
     * A pack's commands, once its SPI version matches and its commands describe themselves
     * (each spec readable, no name twice).
     */
    public static List<Command> inspect(CommandPack pack) throws Refused {
        String name;
        List<Command> commands;
        try {
            name = pack.name();
            int v = pack.spiVersion();
            if (v > SpiVersion.CURRENT) {
                throw new Refused("pack '" + name + "' needs SPI version " + v + ", this server has "
                        + SpiVersion.CURRENT + " (a newer pyredis)");
            }
            if (v < SpiVersion.CURRENT) {
                // Its classes may call what the SPI no longer has: refuse it before they do.
                throw new Refused("pack '" + name + "' was built for SPI version " + v + ", this server has "
                        + SpiVersion.CURRENT + ": rebuild it against this pyredis-api");
            }
            commands = List.copyOf(pack.commands());
            for (Command c : commands) {
                c.spec();
                c.subcommands().forEach(Command::spec);
            }
        } catch (Refused e) {
            throw e;
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            throw new Refused("pack " + pack.getClass().getName() + " failed: " + reason(e));
        }
        Set<String> seen = new HashSet<>();
        for (Command c : commands) {
            if (!seen.add(c.spec().name())) {
                throw new Refused("pack '" + name + "' has command '" + c.spec().name() + "' twice");
            }
        }
        return commands;
    }

    private void warn(String origin, String reason) {
        String msg = "Skipping plugin " + origin + ": " + reason;
        warnings.add(msg);
        LOG.warn(msg);
    }

    static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        Throwable c = e.getCause();
        while (c != null && c != e) {
            sb.append(" (").append(c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()).append(')');
            e = c;
            c = c.getCause();
        }
        return sb.toString();
    }
}
