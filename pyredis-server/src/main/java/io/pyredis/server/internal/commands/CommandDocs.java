package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.Command;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.protocol.RespWriter;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What COMMAND, COMMAND INFO and COMMAND DOCS reply, built from the command specs of the
 * built-in commands and the loaded packs, in Redis 7.0's shapes (commands.c
 * addReplyCommandInfo and addReplyCommandDocs).
 */
final class CommandDocs {

    /** Redis's ACL categories in the order Redis lists them (ACLCommandCategories). */
    static final List<String> CATEGORIES = List.of("keyspace", "read", "write", "set", "sortedset", "list", "hash",
            "string", "bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking",
            "dangerous", "connection", "transaction", "scripting");

    private CommandDocs(ServerContext server) {
    }

    /**
     * The ACL categories of a command, as Redis's setImplicitACLCategories adds them to
     * the ones its JSON names: for pack commands the JSON's part is the category of the
     * group ({@code string} gives {@code @string}, {@code generic} gives {@code @keyspace}).
     */
    static List<String> aclCategories(Command c) {
        CommandSpec spec = c.spec();
        Set<String> cats = new java.util.HashSet<>();
        List<String> explicit = c instanceof BuiltinCommand ? ((BuiltinCommand) c).aclCategories() : null;
        if (explicit != null) {
            cats.addAll(explicit);
        } else {
            String g = groupCategory(spec.group());
            if (g != null) {
                cats.add(g);
            }
        }
        if (spec.has(CommandFlag.WRITE)) {
            cats.add("write");
        }
        if (spec.has(CommandFlag.READONLY) && !cats.contains("scripting")) {
            cats.add("read");
        }
        if (spec.has(CommandFlag.ADMIN)) {
            cats.add("admin");
            cats.add("dangerous");
        }
        if (spec.has(CommandFlag.PUBSUB)) {
            cats.add("pubsub");
        }
        if (spec.has(CommandFlag.FAST)) {
            cats.add("fast");
        }
        if (spec.has(CommandFlag.BLOCKING)) {
            cats.add("blocking");
        }
        if (!cats.contains("fast")) {
            cats.add("slow");
        }
        List<String> out = new ArrayList<>(cats.size());
        for (String k : CATEGORIES) {
            if (cats.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    private static String groupCategory(String group) {
        switch (group.toLowerCase(Locale.ROOT)) {
            case "generic":
                return "keyspace";
            case "string":
            case "list":
            case "hash":
            case "set":
            case "bitmap":
            case "hyperloglog":
            case "geo":
            case "stream":
            case "pubsub":
            case "connection":
            case "scripting":
                return group.toLowerCase(Locale.ROOT);
            case "sorted-set":
            case "sortedset":
            case "sorted_set":
                return "sortedset";
            case "transactions":
            case "transaction":
                return "transaction";
            default:
                return null;
        }
    }

    private static List<String> tips(Command c) {
        return c instanceof BuiltinCommand ? ((BuiltinCommand) c).tips() : List.of();
    }

    /** COMMAND INFO's 10-element array for {@code e}, its subcommands nested. */
    static void writeInfo(RespWriter w, CommandEntry e) {
        CommandSpec spec = e.spec();
        w.array(10);
        w.bulk(spec.name());
        w.integer(spec.arity());
        Set<CommandFlag> flags = spec.flags().isEmpty() ? Set.of() : EnumSet.copyOf(spec.flags());
        w.set(flags.size());
        for (CommandFlag f : CommandFlag.values()) {
            if (flags.contains(f)) {
                w.simple(f.redisName());
            }
        }
        KeySpec k = spec.keys();
        w.integer(k.firstKey());
        w.integer(k.lastKey());
        w.integer(k.step());
        List<String> cats = aclCategories(e.command());
        w.set(cats.size());
        for (String cat : cats) {
            w.simple("@" + cat);
        }
        List<String> tips = tips(e.command());
        w.set(tips.size());
        for (String t : tips) {
            w.bulk(t);
        }
        writeKeySpecs(w, spec);
        CommandTable subs = e.subcommands();
        if (subs == null) {
            w.set(0);
        } else {
            w.set(subs.size());
            for (CommandEntry s : subs.all()) {
                writeInfo(w, s);
            }
        }
    }

    /**
     * The key specs: one "range" spec from the {@link KeySpec}, as Redis 7.0 writes a
     * legacy range (begin_search index, find_keys range with lastkey relative to the first
     * key). Key flags are derived from the command's read/write flags.
     */
    private static void writeKeySpecs(RespWriter w, CommandSpec spec) {
        KeySpec k = spec.keys();
        if (k.firstKey() == 0) {
            w.set(0);
            return;
        }
        w.set(1);
        w.map(3);
        w.bulk("flags");
        if (spec.has(CommandFlag.WRITE)) {
            w.set(2);
            w.simple("RW");
            w.simple("update");
        } else if (spec.has(CommandFlag.READONLY)) {
            w.set(2);
            w.simple("RO");
            w.simple("access");
        } else {
            w.set(0);
        }
        w.bulk("begin_search");
        w.map(2);
        w.bulk("type");
        w.bulk("index");
        w.bulk("spec");
        w.map(1);
        w.bulk("index");
        w.integer(k.firstKey());
        w.bulk("find_keys");
        w.map(2);
        w.bulk("type");
        w.bulk("range");
        w.bulk("spec");
        w.map(3);
        w.bulk("lastkey");
        w.integer(k.lastKey() < 0 ? k.lastKey() : k.lastKey() - k.firstKey());
        w.bulk("keystep");
        w.integer(k.step());
        w.bulk("limit");
        w.integer(0);
    }

    /**
     * COMMAND DOCS's map for {@code e}: summary, since, group, complexity, the arguments
     * (derived from the spec's syntax line by {@link SyntaxArguments}; left out when the line
     * is empty or not understood, as a wrong tree would mislead clients more than none) and
     * the subcommands' docs.
     */
    static void writeDocs(RespWriter w, CommandEntry e) {
        CommandSpec spec = e.spec();
        CommandTable subs = e.subcommands();
        int fields = 0;
        fields += spec.summary().isEmpty() ? 0 : 1;
        fields += spec.since().isEmpty() ? 0 : 1;
        fields += 1; // group
        fields += spec.complexity().isEmpty() ? 0 : 1;
        List<SyntaxArguments.Arg> args = SyntaxArguments.of(spec.syntax());
        fields += args == null || args.isEmpty() ? 0 : 1;
        fields += subs == null ? 0 : 1;
        if (!"builtin".equals(e.packName()) && !isRedisGroup(spec.group())) {
            fields += 1; // module
        }
        w.map(fields);
        if (!spec.summary().isEmpty()) {
            w.bulk("summary");
            w.bulk(spec.summary());
        }
        if (!spec.since().isEmpty()) {
            w.bulk("since");
            w.bulk(spec.since());
        }
        w.bulk("group");
        w.bulk(spec.group().isEmpty() ? "module" : spec.group());
        if (!spec.complexity().isEmpty()) {
            w.bulk("complexity");
            w.bulk(spec.complexity());
        }
        if (!"builtin".equals(e.packName()) && !isRedisGroup(spec.group())) {
            w.bulk("module");
            w.bulk(e.packName());
        }
        if (args != null && !args.isEmpty()) {
            w.bulk("arguments");
            SyntaxArguments.write(w, args, spec.keys().firstKey() != 0);
        }
        if (subs != null) {
            w.bulk("subcommands");
            w.map(subs.size());
            for (CommandEntry s : subs.all()) {
                w.bulk(s.name());
                writeDocs(w, s);
            }
        }
    }

    /** Whether {@code group} is one of Redis's own command groups (else the pack is like a module). */
    static boolean isRedisGroup(String group) {
        switch (group) {
            case "generic":
            case "string":
            case "list":
            case "set":
            case "sorted-set":
            case "hash":
            case "pubsub":
            case "transactions":
            case "connection":
            case "server":
            case "scripting":
            case "hyperloglog":
            case "cluster":
            case "sentinel":
            case "geo":
            case "stream":
            case "bitmap":
                return true;
            default:
                return false;
        }
    }
}
