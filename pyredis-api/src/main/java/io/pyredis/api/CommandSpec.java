package io.pyredis.api;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a command is, as COMMAND, COMMAND INFO and COMMAND DOCS report it.
 *
 * @param name       lower-case name ({@code "get"}; {@code "client|list"} for subcommands)
 * @param arity      Redis arity: the exact number of arguments including the name, or
 *                   its negation for "at least" ({@code -3} = at least 3)
 * @param flags      flags, see {@link CommandFlag}
 * @param keys       key positions
 * @param group      Redis's command group: {@code "string"}, {@code "generic"},
 *                   {@code "connection"}, {@code "server"}, ...
 * @param since      the Redis version that introduced the command, e.g. {@code "1.0.0"}
 * @param summary    one line, as in Redis's docs
 * @param complexity time complexity as in Redis's docs, may be empty
 * @param syntax     the arguments after the name, as in Redis's docs, e.g.
 *                   {@code "key value [NX | XX] [GET] [EX seconds | PX milliseconds]"};
 *                   clients show it as a hint
 * @since 0.1
 */
public record CommandSpec(String name, int arity, Set<CommandFlag> flags, KeySpec keys,
                          String group, String since, String summary, String complexity,
                          String syntax) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("command name must be lower case: " + name);
        }
        if (arity == 0) {
            throw new IllegalArgumentException("arity 0 for " + name);
        }
        flags = Set.copyOf(flags);
        Objects.requireNonNull(keys, "keys");
        group = Objects.requireNonNullElse(group, "");
        since = Objects.requireNonNullElse(since, "");
        summary = Objects.requireNonNullElse(summary, "");
        complexity = Objects.requireNonNullElse(complexity, "");
        syntax = Objects.requireNonNullElse(syntax, "");
    }

    /** Whether {@code argc} arguments (name included) satisfy this arity. */
    public boolean acceptsArgc(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }

    /** Whether the command has {@code flag}. */
    public boolean has(CommandFlag flag) {
        return flags.contains(flag);
    }
}
