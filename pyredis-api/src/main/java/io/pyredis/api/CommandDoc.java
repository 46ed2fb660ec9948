package io.pyredis.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What COMMAND DOCS says of a command: its summary, the version that added it, its group,
 * its complexity, its history and its argument tree, as Redis 7.0's command JSON.
 *
 * @param summary         one line, as in Redis's docs
 * @param since           the version that introduced it ({@code "1.0.0"})
 * @param group           Redis's command group: {@code "string"}, {@code "generic"},
 *                        {@code "sorted-set"}, {@code "server"}, ... (a plugin's commands are
 *                        shown in {@code "module"} whatever it says)
 * @param complexity      time complexity, or null
 * @param docFlags        deprecated, system command
 * @param deprecatedSince the version that deprecated it, or null
 * @param replacedBy      what to use instead, as Redis writes it ({@code "`SET` with the `NX` argument"}), or null
 * @param history         changes, oldest first
 * @param arguments       its arguments after the name (after the subcommand's name for subcommands)
 * @since 0.1
 */
public record CommandDoc(String summary, String since, String group, String complexity, Set<Flag> docFlags,
                         String deprecatedSince, String replacedBy, List<History> history,
                         List<Argument> arguments) {

    public CommandDoc {
        Objects.requireNonNull(group, "group");
        docFlags = Set.copyOf(docFlags);
        history = List.copyOf(history);
        arguments = List.copyOf(arguments);
    }

    /** The docs of a command with no history, flags or deprecation. */
    public CommandDoc(String summary, String since, String group, String complexity, List<Argument> arguments) {
        this(summary, since, group, complexity, Set.of(), null, null, List.of(), arguments);
    }

    /** One change of a command: in which version, and what. */
    public record History(String version, String description) {
        public History {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(description, "description");
        }
    }

    /** Redis's doc flags. */
    public enum Flag {
        DEPRECATED, SYSCMD;

        /** The name COMMAND DOCS replies. */
        public String redisName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
