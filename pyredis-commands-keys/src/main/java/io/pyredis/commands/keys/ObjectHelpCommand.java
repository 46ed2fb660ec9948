package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Reply;

import java.util.List;

/**
 * {@code OBJECT HELP}
 */
public final class ObjectHelpCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("object|help");

    /** Redis 7.0's text, line by line, each sent as a simple string. */
    private static final List<String> LINES = List.of(
            "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "ENCODING <key>",
            "    Return the kind of internal representation used in order to store the value",
            "    associated with a <key>.",
            "FREQ <key>",
            "    Return the access frequency index of the <key>. The returned integer is",
            "    proportional to the logarithm of the recent access frequency of the key.",
            "IDLETIME <key>",
            "    Return the idle time of the <key>, that is the approximated number of",
            "    seconds elapsed since the last access to the key.",
            "REFCOUNT <key>",
            "    Return the number of references of the value associated with the specified",
            "    <key>.",
            "HELP",
            "    Prints this help.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Reply r = ctx.reply();
        r.array(LINES.size());
        for (String line : LINES) {
            r.simple(line);
        }
    }
}
