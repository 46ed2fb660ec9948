package io.pyredis.server.internal.commands;

import io.pyredis.api.Command;
import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.plugin.PackLoader;
import io.pyredis.server.internal.plugin.PluginRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code MODULE <subcommand>}: LIST, LOAD, LOADEX, UNLOAD, HELP, as module.c's moduleCommand
 * answers them, over pyredis's plugins: the plugins' packs are its modules (what RedisInsight
 * and client libraries probing for modules see). LOAD of a jar or a folder of jars is PLUGIN
 * LOAD; anything else (a native {@code .so}) is refused as Redis refuses a module that does
 * not load, with the reason in the log.
 */
public final class ModuleCommand extends BuiltinCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleCommand.class);

    private static final String[] HELP = {
            "LIST",
            "    Return a list of loaded modules.",
            "LOAD <path> [<arg> ...]",
            "    Load a module library from <path>, passing to it any optional arguments.",
            "LOADEX <path> [[CONFIG NAME VALUE] [CONFIG NAME VALUE]] [ARGS ...]",
            "    Load a module library from <path>, while passing it module configurations and optional arguments.",
            "UNLOAD <name>",
            "    Unload a module.",
    };

    static final String LOAD_FAILED = "ERR Error loading the extension. Please check the server logs.";

    public ModuleCommand(ServerContext server) {
        super(server, "module");
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new ListSub(server), new Load(server, "module|load"), new Load(server, "module|loadex"),
                new Unload(server), new Help.Subcommand(server, "module", HELP));
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        throw new RedisError("ERR wrong number of arguments for 'module' command");
    }

    /** {@code MODULE LIST}: addReplyLoadedModules's maps of name, ver, path and args (always empty). */
    static final class ListSub extends BuiltinCommand {
        ListSub(ServerContext server) {
            super(server, "module|list");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            List<PluginRegistry.Info> all = server.plugins().list();
            RespWriter w = c.reply();
            w.array(all.size());
            for (PluginRegistry.Info p : all) {
                w.map(4);
                w.bulk("name");
                w.bulk(p.name());
                w.bulk("ver");
                w.integer(PluginRegistry.moduleVersion(p.version()));
                w.bulk("path");
                w.bulk(p.path());
                w.bulk("args");
                w.array(0);
            }
        }
    }

    /** {@code MODULE LOAD path [arg ...]} and {@code MODULE LOADEX path [CONFIG name value ...] [ARGS ...]} */
    static final class Load extends BuiltinCommand {
        Load(ServerContext server, String name) {
            super(server, name);
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            String file = PluginCommand.text(args[2]);
            Path path;
            try {
                path = Path.of(file);
            } catch (InvalidPathException e) {
                LOG.warn("Module {} failed to load: {}", file, e.getMessage());
                throw new RedisError(LOAD_FAILED);
            }
            if (args.length > 3) {
                // The SPI passes a pack no arguments: refuse them rather than drop them unseen.
                LOG.warn("Module {} failed to load: pyredis plugins take no module arguments or configs", file);
                throw new RedisError(LOAD_FAILED);
            }
            if (!file.endsWith(".jar") && !Files.isDirectory(path)) {
                LOG.warn("Module {} failed to load: pyredis loads plugin jars (or folders of jars), "
                        + "not native Redis modules", file);
                throw new RedisError(LOAD_FAILED);
            }
            try {
                server.plugins().load(path);
            } catch (PackLoader.Refused e) {
                // The registry has logged why, naming the jar.
                throw new RedisError(LOAD_FAILED);
            }
            c.reply().ok();
        }
    }

    /** {@code MODULE UNLOAD name}: moduleUnload's texts for ENOENT and EBUSY. */
    static final class Unload extends BuiltinCommand {
        Unload(ServerContext server) {
            super(server, "module|unload");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            String name = PluginCommand.text(args[2]);
            boolean known = server.plugins().list().stream().anyMatch(p -> p.name().equals(name));
            if (!known) {
                throw new RedisError("ERR Error unloading module: no such module with that name");
            }
            try {
                if (server.plugins().holdsKeys(name)) {
                    throw new RedisError("ERR Error unloading module: the module exports one or more module-side "
                            + "data types, can't unload");
                }
                server.plugins().unload(name);
            } catch (PackLoader.Refused e) {
                throw new RedisError("ERR Error unloading module: operation not possible.");
            }
            c.reply().ok();
        }
    }
}
