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
    private final List<URLClassLoader> loaders = new ArrayList<>();

    public PackLoader(Sink sink) {
        this.sink = sink;
    }

    /** The WARN messages logged so far (one per skipped plugin or pack). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Class loaders opened for plugins; the server closes them when it stops. */
    public List<URLClassLoader> classLoaders() {
        return List.copyOf(loaders);
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
                List<Path> jars = jarsIn(p);
                if (jars == null) {
                    continue;
                }
                if (jars.isEmpty()) {
                    LOG.debug("Plugin folder {} holds no jar", name);
                    continue;
                }
                loadGroup(name, jars);
            } else if (name.endsWith(".jar")) {
                loadGroup(name, List.of(p));
            }
        }
    }

    private List<Path> jarsIn(Path folder) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.jar")) {
            List<Path> jars = new ArrayList<>();
            ds.forEach(jars::add);
            jars.sort(Comparator.comparing(p -> p.getFileName().toString()));
            return jars;
        } catch (IOException e) {
            warn(folder.getFileName().toString(), "cannot list the folder: " + e);
            return null;
        }
    }

    private void loadGroup(String origin, List<Path> jars) {
        for (Path jar : jars) {
            String problem = checkJar(jar);
            if (problem != null) {
                warn(origin, (origin.equals(jar.getFileName().toString()) ? "" : jar.getFileName() + ": ") + problem);
                return;
            }
        }
        List<CommandPack> packs;
        try {
            packs = CommandPack.class.getModule().isNamed() ? viaLayer(jars) : viaClassLoader(jars);
        } catch (Throwable e) {
            // ServiceConfigurationError, LinkageError, or whatever a provider's constructor throws.
            Failures.rethrowIfFatal(e);
            warn(origin, reason(e));
            return;
        }
        if (packs.isEmpty()) {
            warn(origin, "it provides no " + CommandPack.class.getName()
                    + " (a plugin needs 'provides io.pyredis.api.CommandPack with ...' in its module-info, "
                    + "or a META-INF/services/io.pyredis.api.CommandPack file)");
            return;
        }
        for (CommandPack p : packs) {
            offer(p, origin, true);
        }
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

    private List<CommandPack> viaLayer(List<Path> jars) {
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
        for (ServiceLoader.Provider<CommandPack> p : ServiceLoader.load(layer, CommandPack.class)
                .stream().collect(Collectors.toList())) {
            if (p.type().getModule().getLayer() == layer) {
                packs.add(p.get());
            }
        }
        return packs;
    }

    private List<CommandPack> viaClassLoader(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        URLClassLoader loader = new URLClassLoader(urls, CommandPack.class.getClassLoader());
        loaders.add(loader);
        List<CommandPack> packs = new ArrayList<>();
        for (ServiceLoader.Provider<CommandPack> p : ServiceLoader.load(CommandPack.class, loader)
                .stream().collect(Collectors.toList())) {
            if (p.type().getClassLoader() == loader) {
                packs.add(p.get());
            }
        }
        return packs;
    }

    private void offer(CommandPack pack, String origin, boolean plugin) {
        String name;
        List<Command> commands;
        try {
            name = pack.name();
            int v = pack.spiVersion();
            if (v > SpiVersion.CURRENT) {
                warn(origin, "pack '" + name + "' needs SPI version " + v + ", this server has "
                        + SpiVersion.CURRENT + " (a newer pyredis)");
                return;
            }
            if (v < SpiVersion.CURRENT) {
                // Its classes may call what the SPI no longer has: refuse it before they do.
                warn(origin, "pack '" + name + "' was built for SPI version " + v + ", this server has "
                        + SpiVersion.CURRENT + ": rebuild it against this pyredis-api");
                return;
            }
            commands = List.copyOf(pack.commands());
            for (Command c : commands) {
                c.spec();
                c.subcommands().forEach(Command::spec);
            }
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            warn(origin, "pack " + pack.getClass().getName() + " failed: " + reason(e));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Command c : commands) {
            if (!seen.add(c.spec().name())) {
                warn(origin, "pack '" + name + "' has command '" + c.spec().name() + "' twice");
                return;
            }
        }
        String refused = sink.accept(pack, commands, origin, plugin);
        if (refused != null) {
            warn(origin, "pack '" + name + "' skipped: " + refused);
            return;
        }
        LOG.info("Loaded pack '{}' ({} commands) from {}", name, commands.size(), origin);
    }

    private void warn(String origin, String reason) {
        String msg = "Skipping plugin " + origin + ": " + reason;
        warnings.add(msg);
        LOG.warn(msg);
    }

    private static String reason(Throwable e) {
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
