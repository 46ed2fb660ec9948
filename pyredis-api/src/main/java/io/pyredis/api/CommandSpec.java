package io.pyredis.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a command is, as Redis 7.0's command table (and its command JSON) describes it:
 * everything the server needs to know to run it (arity, flags, keys) and everything COMMAND,
 * COMMAND INFO, COMMAND DOCS and COMMAND GETKEYS reply. The server decides from this data
 * alone: whether the command may run when memory is full, on a read-only replica, inside
 * MULTI or before AUTH, which of its lookups are reads, which ACL categories it belongs to,
 * which arguments are keys.
 *
 * <p>A pack can build it in Java, or read it from a JSON resource in the shape of Redis's
 * command JSON with {@code io.pyredis.support.CommandMetadata}.
 *
 * @param name          lower-case name ({@code "get"}; {@code "client|list"} for subcommands)
 * @param arity         Redis arity: the exact number of arguments including the name, or
 *                      its negation for "at least" ({@code -3} = at least 3)
 * @param flags         flags, see {@link CommandFlag}
 * @param aclCategories the ACL categories of its kind; those its flags imply are added by
 *                      the server (see {@link AclCategory})
 * @param keySpecs      where its keys are, see {@link KeySpec}; empty for a command without keys
 * @param tips          Redis's command tips ({@code "nondeterministic_output"},
 *                      {@code "request_policy:all_shards"}, ...)
 * @param doc           what COMMAND DOCS shows
 * @since 0.1
 */
public record CommandSpec(String name, int arity, Set<CommandFlag> flags, Set<AclCategory> aclCategories,
                          List<KeySpec> keySpecs, List<String> tips, CommandDoc doc) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("command name must be lower case: " + name);
        }
        if (arity == 0) {
            throw new IllegalArgumentException("arity 0 for " + name);
        }
        flags = Set.copyOf(flags);
        aclCategories = Set.copyOf(aclCategories);
        keySpecs = List.copyOf(keySpecs);
        tips = List.copyOf(tips);
        Objects.requireNonNull(doc, "doc");
        checkKeyArguments(name, doc.arguments(), keySpecs.size());
    }

    /** A command of {@code flags} and {@code keySpecs}, with no ACL categories of its own and no tips. */
    public CommandSpec(String name, int arity, Set<CommandFlag> flags, List<KeySpec> keySpecs, CommandDoc doc) {
        this(name, arity, flags, Set.of(), keySpecs, List.of(), doc);
    }

    private static void checkKeyArguments(String name, List<Argument> args, int specs) {
        for (Argument a : args) {
            if (a.keySpecIndex() >= specs) {
                throw new IllegalArgumentException(name + ": argument " + a.name() + " names key spec "
                        + a.keySpecIndex() + " of " + specs);
            }
            checkKeyArguments(name, a.arguments(), specs);
        }
    }

    /** Whether {@code argc} arguments (name included) satisfy this arity. */
    public boolean acceptsArgc(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }

    /** Whether the command has {@code flag}. */
    public boolean has(CommandFlag flag) {
        return flags.contains(flag);
    }

    /** Its group ({@code "string"}, ...), from {@link #doc()}. */
    public String group() {
        return doc.group();
    }
}
