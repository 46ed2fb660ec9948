package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.support.Glob;
import io.pyredis.api.Command;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.KeySpec;
import io.pyredis.api.RedisError;
import io.pyredis.protocol.RespWriter;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code COMMAND [subcommand]}: COUNT, INFO, DOCS, LIST, GETKEYS, HELP, and plain COMMAND,
 * answered from the specs of every command the server has (built-in and from packs), in
 * Redis 7.0's reply shapes.
 */
public final class CommandCommand extends BuiltinCommand {

    private static final CommandFlag[] FLAGS = {CommandFlag.LOADING, CommandFlag.STALE};
    private static final List<String> ORDER_TIP = List.of("nondeterministic_output_order");

    private static final String[] HELP = {
        "(no subcommand)",
        "    Return details about all Redis commands.",
        "COUNT",
        "    Return the total number of commands in this Redis server.",
        "LIST",
        "    Return a list of all commands in this Redis server.",
        "INFO [<command-name> ...]",
        "    Return details about multiple Redis commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "DOCS [<command-name> ...]",
        "    Return documentation details about multiple Redis commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "GETKEYS <full-command>",
        "    Return the keys from a full Redis command.",
        "GETKEYSANDFLAGS <full-command>",
        "    Return the keys and the access flags from a full Redis command.",
    };

    public CommandCommand(ServerContext server) {
        super(server, complexity(spec("command", -1, "server", "2.8.13", "Get array of Redis command details", "", FLAGS),
                "O(N) where N is the total number of Redis commands"));
    }

    @Override
    public List<String> aclCategories() {
        return List.of("connection");
    }

    @Override
    public List<String> tips() {
        return ORDER_TIP;
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new Count(server), new Info(server), new Docs(server), new ListNames(server), new GetKeys(server), new HelpSub(server));
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        List<CommandEntry> all = server.commands().all();
        RespWriter w = c.reply();
        w.array(all.size());
        for (CommandEntry e : all) {
            CommandDocs.writeInfo(w, e);
        }
    }

    /** A command or a subcommand by its full name ({@code "get"}, {@code "config|get"}), or null. */
    static CommandEntry lookup(CommandTable table, String fullName) {
        int bar = fullName.indexOf('|');
        if (bar < 0) {
            return table.get(fullName);
        }
        CommandEntry parent = table.get(fullName.substring(0, bar));
        if (parent == null || parent.subcommands() == null || fullName.indexOf('|', bar + 1) >= 0) {
            return null;
        }
        return parent.subcommands().get(fullName.substring(bar + 1));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    abstract static class Sub extends BuiltinCommand {
        Sub(ServerContext server, String name, int arity, String since, String summary, String syntax) {
            super(server, spec("command|" + name, arity, "server", since, summary, syntax, FLAGS));
        }

        @Override
        public List<String> aclCategories() {
            return List.of("connection");
        }
    }

    /** {@code COMMAND COUNT} */
    static final class Count extends Sub {
        Count(ServerContext server) {
            super(server, "count", 2, "2.8.13", "Get total number of Redis commands", "");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            c.reply().integer(server.commands().size());
        }
    }

    /** {@code COMMAND INFO [command-name [command-name ...]]} */
    static final class Info extends Sub {
        Info(ServerContext server) {
            super(server, "info", -2, "2.8.13",
                    "Get array of specific Redis command details, or all when no argument is given",
                    "[command-name [command-name ...]]");
        }

        @Override
        public List<String> tips() {
            return ORDER_TIP;
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            RespWriter w = c.reply();
            CommandTable table = server.commands();
            if (args.length == 2) {
                w.array(table.size());
                for (CommandEntry e : table.all()) {
                    CommandDocs.writeInfo(w, e);
                }
                return;
            }
            w.array(args.length - 2);
            for (int i = 2; i < args.length; i++) {
                CommandEntry e = lookup(table, text(args[i]));
                if (e == null) {
                    w.nullBulk();
                } else {
                    CommandDocs.writeInfo(w, e);
                }
            }
        }
    }

    /** {@code COMMAND DOCS [command-name [command-name ...]]} */
    static final class Docs extends Sub {
        Docs(ServerContext server) {
            super(server, "docs", -2, "7.0.0", "Get array of specific Redis command documentation",
                    "[command-name [command-name ...]]");
        }

        @Override
        public List<String> tips() {
            return ORDER_TIP;
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            RespWriter w = c.reply();
            CommandTable table = server.commands();
            List<CommandEntry> found;
            if (args.length == 2) {
                found = table.all();
            } else {
                found = new ArrayList<>();
                for (int i = 2; i < args.length; i++) {
                    CommandEntry e = lookup(table, text(args[i]));
                    if (e != null) {
                        found.add(e);
                    }
                }
            }
            w.map(found.size());
            for (CommandEntry e : found) {
                w.bulk(e.name());
                CommandDocs.writeDocs(w, e);
            }
        }
    }

    /** {@code COMMAND LIST [FILTERBY MODULE module-name | ACLCAT category | PATTERN pattern]} */
    static final class ListNames extends Sub {
        ListNames(ServerContext server) {
            super(server, "list", -2, "7.0.0", "Get an array of Redis command names",
                    "[FILTERBY MODULE module-name | ACLCAT category | PATTERN pattern]");
        }

        @Override
        public List<String> tips() {
            return ORDER_TIP;
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Predicate<CommandEntry> filter;
            if (args.length == 2) {
                filter = e -> true;
            } else if (args.length == 5 && text(args[2]).equalsIgnoreCase("filterby")) {
                String kind = text(args[3]).toLowerCase(Locale.ROOT);
                String value = text(args[4]);
                switch (kind) {
                    case "module":
                        // Packs play the part of Redis modules; the server's own commands are not in one.
                        filter = e -> !"builtin".equals(e.packName()) && e.packName().equals(value);
                        break;
                    case "aclcat": {
                        String cat = value.toLowerCase(Locale.ROOT);
                        filter = e -> CommandDocs.aclCategories(e.command()).contains(cat);
                        break;
                    }
                    case "pattern":
                        filter = e -> Glob.matches(value.getBytes(StandardCharsets.UTF_8), e.name().getBytes(StandardCharsets.UTF_8), true);
                        break;
                    default:
                        throw RedisError.SYNTAX;
                }
            } else {
                throw RedisError.SYNTAX;
            }
            List<String> names = new ArrayList<>();
            for (CommandEntry e : server.commands().all()) {
                if (filter.test(e)) {
                    names.add(e.name());
                }
                if (e.subcommands() != null) {
                    for (CommandEntry s : e.subcommands().all()) {
                        if (filter.test(s)) {
                            names.add(s.name());
                        }
                    }
                }
            }
            RespWriter w = c.reply();
            w.array(names.size());
            for (String n : names) {
                w.bulk(n);
            }
        }
    }

    /** {@code COMMAND GETKEYS command [arg [arg ...]]} */
    static final class GetKeys extends Sub {
        GetKeys(ServerContext server) {
            super(server, "getkeys", -4, "2.8.13", "Extract keys given a full Redis command", "command [arg [arg ...]]");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            CommandTable table = server.commands();
            CommandEntry e = table.get(args[2]);
            if (e != null && e.subcommands() != null && args.length >= 4) {
                e = e.subcommands().get(args[3]);
            }
            if (e == null) {
                throw new RedisError("ERR Invalid command specified");
            }
            KeySpec k = e.spec().keys();
            if (k.firstKey() == 0) {
                throw new RedisError("ERR The command has no key arguments");
            }
            int argc = args.length - 2;
            if (!e.acceptsArgc(argc)) {
                throw new RedisError("ERR Invalid number of arguments specified for command");
            }
            int last = k.lastKey() < 0 ? argc + k.lastKey() : k.lastKey();
            if (last >= argc) {
                last = argc - 1;
            }
            List<byte[]> keys = new ArrayList<>();
            for (int i = k.firstKey(); i <= last; i += k.step()) {
                keys.add(args[i + 2]);
            }
            if (keys.isEmpty() && !e.spec().has(CommandFlag.NO_MANDATORY_KEYS)) {
                throw new RedisError("ERR Invalid arguments specified for command");
            }
            RespWriter w = c.reply();
            w.array(keys.size());
            for (byte[] key : keys) {
                w.bulk(key);
            }
        }
    }

    /** {@code COMMAND HELP} */
    static final class HelpSub extends Sub {
        HelpSub(ServerContext server) {
            super(server, "help", 2, "5.0.0", "Show helpful text about the different subcommands", "");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Help.write(c.reply(), "COMMAND", HELP);
        }
    }
}
