package io.pyredis.commands.scripting;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Reply;
import io.pyredis.support.GenericCommand;

import java.util.List;

/**
 * {@code SCRIPT HELP}
 */
final class ScriptHelpCommand extends GenericCommand {

    /** Redis 7.0's text (addReplyHelp's header and footer around scriptCommand's lines). */
    private static final List<String> LINES = List.of(
            "SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "DEBUG (YES|SYNC|NO)",
            "    Set the debug mode for subsequent scripts executed.",
            "EXISTS <sha1> [<sha1> ...]",
            "    Return information about the existence of the scripts in the script cache.",
            "FLUSH [ASYNC|SYNC]",
            "    Flush the Lua scripts cache. Very dangerous on replicas.",
            "    When called without the optional mode argument, the behavior is determined by the",
            "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
            "    * ASYNC: Asynchronously flush the scripts cache.",
            "    * SYNC: Synchronously flush the scripts cache.",
            "KILL",
            "    Kill the currently executing Lua script.",
            "LOAD <script>",
            "    Load a script into the scripts cache without executing it.",
            "HELP",
            "    Prints this help.");

    ScriptHelpCommand() {
        super(ScriptingPack.METADATA.spec("script|help"));
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
