package io.pyredis.server.internal.commands;

import io.pyredis.api.AclCategory;
import io.pyredis.api.Argument;
import io.pyredis.api.Command;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.plugin.PackLoader;
import io.pyredis.server.internal.plugin.PluginRegistry;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code PLUGIN <subcommand>}: LIST, LOAD, UNLOAD, RELOAD, RESCAN, HELP. pyredis's own
 * command (Redis has none), so its metadata is declared here rather than read from Redis's
 * command JSON. Everything runs on the command thread between two commands.
 */
public final class PluginCommand extends BuiltinCommand {

    private static final String[] HELP = {
            "LIST",
            "    Return the loaded plugins: name, version, origin, path, commands, data types, loaded-at.",
            "LOAD <path>",
            "    Load the plugin jar, or folder of jars, at <path> in a new module layer.",
            "UNLOAD <name>",
            "    Unload the plugin holding pack <name> (refused while keys of its data types exist).",
            "RELOAD <name>",
            "    Load the plugin holding pack <name> again from its jar or folder, handing its values over.",
            "RESCAN",
            "    Make the plugins of plugins-dir match it: load new, unload removed, reload changed ones.",
    };

    private static final String SINCE = "0.2.0";

    public PluginCommand(ServerContext server) {
        super(server, specOf("plugin", -2, Set.of(), "A container for plugin commands.", List.of()));
    }

    /** The metadata of PLUGIN and its subcommands: admin, noscript, @admin @dangerous. */
    static CommandSpec specOf(String name, int arity, Set<CommandFlag> extra, String summary, List<Argument> args) {
        Set<CommandFlag> flags = name.equals("plugin") ? Set.of() : new java.util.HashSet<>(extra);
        if (!name.equals("plugin") && !name.equals("plugin|help")) {
            flags.add(CommandFlag.ADMIN);
            flags.add(CommandFlag.NOSCRIPT);
        }
        Set<AclCategory> acl = name.equals("plugin") || name.equals("plugin|help")
                ? Set.of() : Set.of(AclCategory.ADMIN, AclCategory.DANGEROUS);
        return new CommandSpec(name, arity, flags, acl, List.of(), List.of(),
                new CommandDoc(summary, SINCE, "server", "O(N) where N is the number of loaded plugins", args));
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new ListSub(server), new Load(server), new Unload(server), new Reload(server),
                new Rescan(server), new HelpSub(server));
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        throw new RedisError("ERR wrong number of arguments for 'plugin' command");
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** {@code PLUGIN LIST} */
    static final class ListSub extends BuiltinCommand {
        ListSub(ServerContext server) {
            super(server, specOf("plugin|list", 2, Set.of(), "Lists the loaded plugins.", List.of()));
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            List<PluginRegistry.Info> all = server.plugins().list();
            RespWriter w = c.reply();
            w.array(all.size());
            for (PluginRegistry.Info p : all) {
                w.map(7);
                w.bulk("name");
                w.bulk(p.name());
                w.bulk("version");
                w.bulk(p.version());
                w.bulk("origin");
                w.bulk(p.origin());
                w.bulk("path");
                w.bulk(p.path());
                w.bulk("commands");
                w.array(p.commands().size());
                p.commands().forEach(w::bulk);
                w.bulk("data-types");
                w.array(p.dataTypes().size());
                p.dataTypes().forEach(w::bulk);
                w.bulk("loaded-at");
                w.integer(p.loadedAtMillis() / 1000);
            }
        }
    }

    /** {@code PLUGIN LOAD path} */
    static final class Load extends BuiltinCommand {
        Load(ServerContext server) {
            super(server, specOf("plugin|load", 3, Set.of(CommandFlag.NO_ASYNC_LOADING),
                    "Loads a plugin jar or folder of jars.", List.of(Argument.of("path", Argument.Type.STRING))));
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Path path;
            try {
                path = Path.of(text(args[2]));
            } catch (InvalidPathException e) {
                throw new RedisError("ERR bad plugin path: " + e.getMessage());
            }
            run(() -> server.plugins().load(path));
            c.reply().ok();
        }
    }

    /** {@code PLUGIN UNLOAD name} */
    static final class Unload extends BuiltinCommand {
        Unload(ServerContext server) {
            super(server, specOf("plugin|unload", 3, Set.of(CommandFlag.NO_ASYNC_LOADING),
                    "Unloads a plugin.", List.of(Argument.of("name", Argument.Type.STRING))));
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            run(() -> server.plugins().unload(text(args[2])));
            c.reply().ok();
        }
    }

    /** {@code PLUGIN RELOAD name} */
    static final class Reload extends BuiltinCommand {
        Reload(ServerContext server) {
            super(server, specOf("plugin|reload", 3, Set.of(CommandFlag.NO_ASYNC_LOADING),
                    "Loads a plugin again from its jar or folder.", List.of(Argument.of("name", Argument.Type.STRING))));
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            run(() -> server.plugins().reload(text(args[2])));
            c.reply().ok();
        }
    }

    /** {@code PLUGIN RESCAN} */
    static final class Rescan extends BuiltinCommand {
        Rescan(ServerContext server) {
            super(server, specOf("plugin|rescan", 2, Set.of(CommandFlag.NO_ASYNC_LOADING),
                    "Makes the loaded plugins match plugins-dir.", List.of()));
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            List<String> lines = server.plugins().rescan();
            c.reply().array(lines.size());
            lines.forEach(c.reply()::bulk);
        }
    }

    /** {@code PLUGIN HELP} */
    static final class HelpSub extends BuiltinCommand {
        HelpSub(ServerContext server) {
            super(server, specOf("plugin|help", 2, Set.of(CommandFlag.LOADING, CommandFlag.STALE),
                    "Shows helpful text about the different subcommands.", List.of()));
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Help.write(c.reply(), "plugin", HELP);
        }
    }

    /** A registry action that may be refused. */
    interface Action {
        Object run() throws PackLoader.Refused;
    }

    /** Runs {@code a}, its refusal answered as {@code -ERR <why>}. */
    static void run(Action a) {
        try {
            a.run();
        } catch (PackLoader.Refused e) {
            throw new RedisError("ERR " + e.getMessage());
        }
    }
}
