package io.pyredis.server.internal.commands;

import io.pyredis.api.AclCategory;
import io.pyredis.api.Argument;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import io.pyredis.protocol.RespWriter;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What COMMAND, COMMAND INFO and COMMAND DOCS reply for a command, from its metadata, in
 * Redis 7.0's shapes and orders (server.c's addReplyCommandInfo and addReplyCommandDocs):
 * flags, ACL categories and key flags in the order of Redis's tables, hidden flags left
 * out, optional fields only when present.
 */
final class CommandDocs {

    /** The flags COMMAND INFO does not show, as Redis hides them. */
    private static final Set<CommandFlag> HIDDEN = EnumSet.of(CommandFlag.MAY_REPLICATE, CommandFlag.SENTINEL,
            CommandFlag.ONLY_SENTINEL, CommandFlag.PROTECTED, CommandFlag.TOUCHES_ARBITRARY_KEYS);

    private CommandDocs() {
    }

    /** COMMAND INFO's 10-element array for {@code e}, its subcommands nested. */
    static void writeInfo(RespWriter w, CommandEntry e) {
        CommandSpec spec = e.spec();
        w.array(10);
        w.bulk(spec.name());
        w.integer(spec.arity());
        EnumSet<CommandFlag> flags = EnumSet.noneOf(CommandFlag.class);
        for (CommandFlag f : e.flags()) {
            if (!HIDDEN.contains(f)) {
                flags.add(f);
            }
        }
        w.set(flags.size());
        for (CommandFlag f : flags) {
            w.simple(f.redisName());
        }
        w.integer(e.firstKey());
        w.integer(e.lastKey());
        w.integer(e.keyStep());
        Set<AclCategory> cats = EnumSet.copyOf(e.aclCategories());
        w.set(cats.size());
        for (AclCategory c : cats) {
            w.simple("@" + c.redisName());
        }
        w.set(spec.tips().size());
        for (String t : spec.tips()) {
            w.bulk(t);
        }
        writeKeySpecs(w, spec.keySpecs());
        CommandTable subs = e.subcommands();
        if (subs == null) {
            w.set(0);
        } else {
            w.array(subs.size());
            for (CommandEntry s : subs.all()) {
                writeInfo(w, s);
            }
        }
    }

    private static void writeKeySpecs(RespWriter w, List<KeySpec> specs) {
        w.set(specs.size());
        for (KeySpec k : specs) {
            w.map(k.notes() == null ? 3 : 4);
            if (k.notes() != null) {
                w.bulk("notes");
                w.bulk(k.notes());
            }
            w.bulk("flags");
            writeKeyFlags(w, k.flags());
            w.bulk("begin_search");
            w.map(2);
            w.bulk("type");
            if (k.beginSearch() instanceof KeySpec.Index idx) {
                w.bulk("index");
                w.bulk("spec");
                w.map(1);
                w.bulk("index");
                w.integer(idx.pos());
            } else if (k.beginSearch() instanceof KeySpec.Keyword kw) {
                w.bulk("keyword");
                w.bulk("spec");
                w.map(2);
                w.bulk("keyword");
                w.bulk(kw.keyword());
                w.bulk("startfrom");
                w.integer(kw.startFrom());
            } else {
                w.bulk("unknown");
                w.bulk("spec");
                w.map(0);
            }
            w.bulk("find_keys");
            w.map(2);
            w.bulk("type");
            if (k.findKeys() instanceof KeySpec.Range r) {
                w.bulk("range");
                w.bulk("spec");
                w.map(3);
                w.bulk("lastkey");
                w.integer(r.lastKey());
                w.bulk("keystep");
                w.integer(r.step());
                w.bulk("limit");
                w.integer(r.limit());
            } else if (k.findKeys() instanceof KeySpec.KeyNum n) {
                w.bulk("keynum");
                w.bulk("spec");
                w.map(3);
                w.bulk("keynumidx");
                w.integer(n.keyNumIndex());
                w.bulk("firstkey");
                w.integer(n.firstKey());
                w.bulk("keystep");
                w.integer(n.step());
            } else {
                w.bulk("unknown");
                w.bulk("spec");
                w.map(0);
            }
        }
    }

    /** Key flags as a set of simple strings in Redis's order (COMMAND INFO, GETKEYSANDFLAGS). */
    static void writeKeyFlags(RespWriter w, Set<KeyFlag> flags) {
        Set<KeyFlag> ordered = flags.isEmpty() ? Set.of() : EnumSet.copyOf(flags);
        w.set(ordered.size());
        for (KeyFlag f : ordered) {
            w.simple(f.redisName());
        }
    }

    /** COMMAND DOCS's map for {@code e}, its subcommands' docs nested. */
    static void writeDocs(RespWriter w, CommandEntry e) {
        CommandDoc d = e.spec().doc();
        CommandTable subs = e.subcommands();
        boolean module = e.module() != null;
        int fields = 1;
        fields += d.summary() == null ? 0 : 1;
        fields += d.since() == null ? 0 : 1;
        fields += module ? 1 : 0;
        fields += d.complexity() == null ? 0 : 1;
        fields += d.docFlags().isEmpty() ? 0 : 1;
        fields += d.deprecatedSince() == null ? 0 : 1;
        fields += d.replacedBy() == null ? 0 : 1;
        fields += d.history().isEmpty() ? 0 : 1;
        fields += d.arguments().isEmpty() ? 0 : 1;
        fields += subs == null ? 0 : 1;
        w.map(fields);
        if (d.summary() != null) {
            w.bulk("summary");
            w.bulk(d.summary());
        }
        if (d.since() != null) {
            w.bulk("since");
            w.bulk(d.since());
        }
        w.bulk("group");
        // As Redis: a module's commands are always in the "module" group.
        w.bulk(module ? "module" : d.group());
        if (d.complexity() != null) {
            w.bulk("complexity");
            w.bulk(d.complexity());
        }
        if (module) {
            w.bulk("module");
            w.bulk(e.module());
        }
        if (!d.docFlags().isEmpty()) {
            w.bulk("doc_flags");
            Set<CommandDoc.Flag> flags = EnumSet.copyOf(d.docFlags());
            w.set(flags.size());
            for (CommandDoc.Flag f : flags) {
                w.simple(f.redisName());
            }
        }
        if (d.deprecatedSince() != null) {
            w.bulk("deprecated_since");
            w.bulk(d.deprecatedSince());
        }
        if (d.replacedBy() != null) {
            w.bulk("replaced_by");
            w.bulk(d.replacedBy());
        }
        if (!d.history().isEmpty()) {
            w.bulk("history");
            w.set(d.history().size());
            for (CommandDoc.History h : d.history()) {
                w.array(2);
                w.bulk(h.version());
                w.bulk(h.description());
            }
        }
        if (!d.arguments().isEmpty()) {
            w.bulk("arguments");
            writeArguments(w, d.arguments());
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

    private static void writeArguments(RespWriter w, List<Argument> args) {
        w.array(args.size());
        for (Argument a : args) {
            boolean nested = a.type() == Argument.Type.ONEOF || a.type() == Argument.Type.BLOCK;
            int fields = 2;
            fields += a.keySpecIndex() >= 0 ? 1 : 0;
            fields += a.token() == null ? 0 : 1;
            fields += a.summary() == null ? 0 : 1;
            fields += a.since() == null ? 0 : 1;
            fields += a.deprecatedSince() == null ? 0 : 1;
            fields += a.flags().isEmpty() ? 0 : 1;
            fields += nested ? 1 : 0;
            w.map(fields);
            w.bulk("name");
            w.bulk(a.name());
            w.bulk("type");
            w.bulk(a.type().redisName());
            if (a.keySpecIndex() >= 0) {
                w.bulk("key_spec_index");
                w.integer(a.keySpecIndex());
            }
            if (a.token() != null) {
                w.bulk("token");
                w.bulk(a.token());
            }
            if (a.summary() != null) {
                w.bulk("summary");
                w.bulk(a.summary());
            }
            if (a.since() != null) {
                w.bulk("since");
                w.bulk(a.since());
            }
            if (a.deprecatedSince() != null) {
                w.bulk("deprecated_since");
                w.bulk(a.deprecatedSince());
            }
            if (!a.flags().isEmpty()) {
                w.bulk("flags");
                Set<Argument.Flag> flags = EnumSet.copyOf(a.flags());
                w.set(flags.size());
                for (Argument.Flag f : flags) {
                    w.simple(f.redisName());
                }
            }
            if (nested) {
                w.bulk("arguments");
                writeArguments(w, a.arguments());
            }
        }
    }
}
