package io.pyredis.server.internal.commands;

import io.pyredis.api.AclCategory;
import io.pyredis.api.Command;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.KeyRef;
import io.pyredis.api.RedisError;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import io.pyredis.core.command.KeyFinder;
import io.pyredis.core.exec.CallContext;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.support.Glob;
import io.pyredis.support.Keywords;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code COMMAND [subcommand]}: COUNT, INFO, DOCS, LIST, GETKEYS, GETKEYSANDFLAGS, HELP, and
 * plain COMMAND, answered from the metadata of every command the server has (built-in and
 * from packs), in Redis 7.0's reply shapes.
 */
public final class CommandCommand extends BuiltinCommand {

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
        super(server, "command");
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new Count(server), new Info(server), new Docs(server), new ListNames(server),
                new GetKeys(server, false), new GetKeys(server, true), new HelpSub(server));
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
        Sub(ServerContext server, String name) {
            super(server, "command|" + name);
        }

    }

    /** {@code COMMAND COUNT} */
    static final class Count extends Sub {
        Count(ServerContext server) {
            super(server, "count");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            c.reply().integer(server.commands().size());
        }
    }

    /** {@code COMMAND INFO [command-name [command-name ...]]} */
    static final class Info extends Sub {
        Info(ServerContext server) {
            super(server, "info");
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
            super(server, "docs");
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
            super(server, "list");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Predicate<CommandEntry> filter = e -> true;
            for (int i = 2; i < args.length; i++) {
                if (Keywords.is(args[i], "filterby") && args.length - 1 - i == 2) {
                    String value = text(args[i + 2]);
                    if (Keywords.is(args[i + 1], "module")) {
                        filter = e -> value.equals(e.module());
                    } else if (Keywords.is(args[i + 1], "aclcat")) {
                        AclCategory cat = io.pyredis.core.acl.Acl.category(value);
                        filter = e -> cat != null && e.aclCategories().contains(cat);
                    } else if (Keywords.is(args[i + 1], "pattern")) {
                        byte[] pattern = args[i + 2];
                        filter = e -> Glob.matches(pattern, e.name().getBytes(StandardCharsets.UTF_8), true);
                    } else {
                        throw RedisError.SYNTAX;
                    }
                    i += 2;
                } else {
                    throw RedisError.SYNTAX;
                }
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

    /** {@code COMMAND GETKEYS command [arg ...]} and {@code COMMAND GETKEYSANDFLAGS command [arg ...]} */
    static final class GetKeys extends Sub {
        private final boolean withFlags;

        GetKeys(ServerContext server, boolean withFlags) {
            super(server, withFlags ? "getkeysandflags" : "getkeys");
            this.withFlags = withFlags;
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            byte[][] call = java.util.Arrays.copyOfRange(args, 2, args.length);
            CommandEntry e = server.commands().lookup(call);
            if (e == null) {
                throw new RedisError("ERR Invalid command specified");
            }
            if (!KeyFinder.hasKeys(e)) {
                throw new RedisError("ERR The command has no key arguments");
            }
            if (!e.acceptsArgc(call.length)) {
                throw new RedisError("ERR Invalid number of arguments specified for command");
            }
            List<KeyRef> keys = KeyFinder.keys(e, call);
            if (keys.isEmpty() && !e.spec().has(CommandFlag.NO_MANDATORY_KEYS)) {
                throw new RedisError("ERR Invalid arguments specified for command");
            }
            RespWriter w = c.reply();
            w.array(keys.size());
            for (KeyRef k : keys) {
                if (withFlags) {
                    w.array(2);
                    w.bulk(call[k.index()]);
                    CommandDocs.writeKeyFlags(w, k.flags());
                } else {
                    w.bulk(call[k.index()]);
                }
            }
        }
    }

    /** {@code COMMAND HELP} */
    static final class HelpSub extends Sub {
        HelpSub(ServerContext server) {
            super(server, "help");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Help.write(c.reply(), "COMMAND", HELP);
        }
    }
}
