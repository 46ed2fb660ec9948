package io.pyredis.support;

import io.pyredis.api.AclCategory;
import io.pyredis.api.Argument;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A pack's command metadata read from a JSON resource in the shape of Redis 7.0's command
 * JSON ({@code src/commands/*.json}): one object per command, keyed by its name in upper
 * case, with Redis's fields ({@code summary}, {@code complexity}, {@code group},
 * {@code since}, {@code arity}, {@code history}, {@code deprecated_since},
 * {@code replaced_by}, {@code doc_flags}, {@code command_flags}, {@code acl_categories},
 * {@code command_tips}, {@code key_specs}, {@code arguments}); a container's subcommands sit
 * in its {@code subcommands} object, keyed by their own names. Redis's {@code function},
 * {@code get_keys_function} and {@code container} are allowed and ignored; any other field
 * is an error, so a typo cannot pass unnoticed. The file is read as Redis's
 * generate-command-code.py reads its JSON into the command table: argument names in lower
 * case, tokens in upper case, tips in lower case, empty texts absent.
 *
 * <pre>{@code
 * static final CommandMetadata METADATA =
 *         CommandMetadata.load(StringsPack.class.getResourceAsStream("commands.json"));
 * private static final CommandSpec SPEC = METADATA.spec("set");
 * }</pre>
 *
 * <p>The pack opens the stream itself: a named module's resources are its own.
 *
 * @since 0.1
 */
public final class CommandMetadata {

    private static final Set<String> COMMAND_FIELDS = Set.of("summary", "complexity", "group", "since", "arity",
            "function", "get_keys_function", "container", "history", "deprecated_since", "replaced_by", "doc_flags",
            "command_flags", "acl_categories", "command_tips", "key_specs", "arguments", "subcommands");
    private static final Set<String> ARGUMENT_FIELDS = Set.of("name", "type", "key_spec_index", "token", "summary",
            "since", "deprecated_since", "optional", "multiple", "multiple_token", "arguments");

    private final Map<String, CommandSpec> specs;

    private CommandMetadata(Map<String, CommandSpec> specs) {
        this.specs = Collections.unmodifiableMap(specs);
    }

    /**
     * Reads the metadata in {@code json} (closing it).
     *
     * @throws IllegalArgumentException naming the command and field when the data is wrong
     * @throws UncheckedIOException     when it cannot be read (a missing resource is a null stream)
     */
    public static CommandMetadata load(InputStream json) {
        if (json == null) {
            throw new IllegalArgumentException("no command metadata resource (getResourceAsStream gave null)");
        }
        String text;
        try (InputStream in = json) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read command metadata", e);
        }
        return parse(text);
    }

    /** The metadata in {@code text}. */
    public static CommandMetadata parse(String text) {
        Map<String, CommandSpec> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object(Json.parse(text), "the file").entrySet()) {
            read(null, e.getKey(), object(e.getValue(), e.getKey()), out);
        }
        return new CommandMetadata(out);
    }

    /**
     * The spec of {@code name}: a command ({@code "set"}) or a subcommand
     * ({@code "object|encoding"}), any case.
     *
     * @throws IllegalArgumentException when the metadata has no such command
     */
    public CommandSpec spec(String name) {
        CommandSpec s = specs.get(name.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("no metadata for command '" + name + "'");
        }
        return s;
    }

    /** The full names of every command and subcommand described, in file order. */
    public Set<String> names() {
        return specs.keySet();
    }

    private static void read(String container, String declared, Map<String, Object> m, Map<String, CommandSpec> out) {
        String name = (container == null ? "" : container + "|") + declared.toLowerCase(Locale.ROOT);
        for (String k : m.keySet()) {
            if (!COMMAND_FIELDS.contains(k)) {
                throw new IllegalArgumentException(name + ": unknown field '" + k + "'");
            }
        }
        try {
            List<KeySpec> keySpecs = new ArrayList<>();
            for (Object k : list(m.get("key_specs"))) {
                keySpecs.add(keySpec(object(k, "key spec")));
            }
            List<CommandDoc.History> history = new ArrayList<>();
            for (Object h : list(m.get("history"))) {
                List<Object> pair = list(h);
                if (pair.size() != 2) {
                    throw new IllegalArgumentException("history entries are [version, text]");
                }
                history.add(new CommandDoc.History(text(pair.get(0)), text(pair.get(1))));
            }
            List<Argument> arguments = new ArrayList<>();
            for (Object a : list(m.get("arguments"))) {
                arguments.add(argument(object(a, "argument")));
            }
            CommandDoc doc = new CommandDoc(text(m.get("summary")), text(m.get("since")),
                    required(text(m.get("group")), "group").replace('_', '-'), text(m.get("complexity")),
                    enums(CommandDoc.Flag.class, m.get("doc_flags")), text(m.get("deprecated_since")),
                    text(m.get("replaced_by")), history, arguments);
            List<String> tips = new ArrayList<>();
            for (Object t : list(m.get("command_tips"))) {
                tips.add(text(t).toLowerCase(Locale.ROOT));
            }
            Object arity = m.get("arity");
            if (!(arity instanceof Long)) {
                throw new IllegalArgumentException("arity must be an integer");
            }
            CommandSpec spec = new CommandSpec(name, (int) (long) (Long) arity,
                    enums(CommandFlag.class, m.get("command_flags")), enums(AclCategory.class, m.get("acl_categories")),
                    keySpecs, tips, doc);
            if (out.put(name, spec) != null) {
                throw new IllegalArgumentException("described twice");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(name + ": ") ? e.getMessage()
                    : name + ": " + e.getMessage(), e);
        }
        if (m.containsKey("subcommands")) {
            for (Map.Entry<String, Object> e : object(m.get("subcommands"), name + " subcommands").entrySet()) {
                read(name, e.getKey(), object(e.getValue(), e.getKey()), out);
            }
        }
    }

    private static KeySpec keySpec(Map<String, Object> m) {
        Map<String, Object> bs = object(m.get("begin_search"), "begin_search");
        Map<String, Object> fk = object(m.get("find_keys"), "find_keys");
        if (bs.size() != 1 || fk.size() != 1) {
            throw new IllegalArgumentException("begin_search and find_keys hold one kind each");
        }
        KeySpec.BeginSearch begin;
        String bk = bs.keySet().iterator().next();
        switch (bk) {
            case "index" -> begin = new KeySpec.Index(integer(object(bs.get(bk), bk), "pos"));
            case "keyword" -> {
                Map<String, Object> k = object(bs.get(bk), bk);
                begin = new KeySpec.Keyword(required(text(k.get("keyword")), "keyword"), integer(k, "startfrom"));
            }
            case "unknown" -> begin = new KeySpec.UnknownBegin();
            default -> throw new IllegalArgumentException("unknown begin_search '" + bk + "'");
        }
        KeySpec.FindKeys find;
        String fkind = fk.keySet().iterator().next();
        switch (fkind) {
            case "range" -> {
                Map<String, Object> r = object(fk.get(fkind), fkind);
                find = new KeySpec.Range(integer(r, "lastkey"), integer(r, "step"), integer(r, "limit"));
            }
            case "keynum" -> {
                Map<String, Object> r = object(fk.get(fkind), fkind);
                find = new KeySpec.KeyNum(integer(r, "keynumidx"), integer(r, "firstkey"), integer(r, "step"));
            }
            case "unknown" -> find = new KeySpec.UnknownFind();
            default -> throw new IllegalArgumentException("unknown find_keys '" + fkind + "'");
        }
        return new KeySpec(text(m.get("notes")), enums(KeyFlag.class, m.get("flags")), begin, find);
    }

    private static Argument argument(Map<String, Object> m) {
        for (String k : m.keySet()) {
            if (!ARGUMENT_FIELDS.contains(k)) {
                throw new IllegalArgumentException("argument " + m.get("name") + ": unknown field '" + k + "'");
            }
        }
        String name = required(text(m.get("name")), "argument name").toLowerCase(Locale.ROOT);
        String type = required(text(m.get("type")), "argument type");
        Argument.Type t;
        try {
            t = Argument.Type.valueOf(type.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("argument " + name + ": unknown type '" + type + "'");
        }
        EnumSet<Argument.Flag> flags = EnumSet.noneOf(Argument.Flag.class);
        if (Boolean.TRUE.equals(m.get("optional"))) {
            flags.add(Argument.Flag.OPTIONAL);
        }
        if (Boolean.TRUE.equals(m.get("multiple"))) {
            flags.add(Argument.Flag.MULTIPLE);
        }
        if (Boolean.TRUE.equals(m.get("multiple_token"))) {
            flags.add(Argument.Flag.MULTIPLE_TOKEN);
        }
        List<Argument> sub = new ArrayList<>();
        for (Object a : list(m.get("arguments"))) {
            sub.add(argument(object(a, "argument")));
        }
        int keySpec = m.containsKey("key_spec_index") ? integer(m, "key_spec_index") : -1;
        String token = text(m.get("token"));
        return new Argument(name, t, keySpec, token == null ? null : token.toUpperCase(Locale.ROOT),
                text(m.get("summary")), text(m.get("since")),
                flags, text(m.get("deprecated_since")), sub);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(what + " must be an object");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List)) {
            throw new IllegalArgumentException("expected an array, got " + o);
        }
        return (List<Object>) o;
    }

    /** A text field; an empty one is absent, as in Redis's table. */
    private static String text(Object o) {
        if (o == null) {
            return null;
        }
        if (!(o instanceof String)) {
            throw new IllegalArgumentException("expected a string, got " + o);
        }
        return ((String) o).isEmpty() ? null : (String) o;
    }

    private static String required(String s, String what) {
        if (s == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return s;
    }

    private static int integer(Map<String, Object> m, String field) {
        Object o = m.get(field);
        if (!(o instanceof Long) || (Long) o < Integer.MIN_VALUE || (Long) o > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return (int) (long) (Long) o;
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, Object o) {
        EnumSet<E> out = EnumSet.noneOf(type);
        for (Object x : list(o)) {
            String v = text(x);
            try {
                out.add(Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + v + "'");
            }
        }
        return out;
    }
}
