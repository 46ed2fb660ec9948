package io.pyredis.commands.scripting;

import io.pyredis.support.ContainerCommand;

import java.util.List;

/**
 * {@code SCRIPT <EXISTS | FLUSH | HELP | KILL | LOAD> ...}
 *
 * <p>A container: the dispatcher runs its subcommands.
 */
final class ScriptCommand extends ContainerCommand {

    ScriptCommand(Scripting scripting) {
        super(ScriptingPack.METADATA.spec("script"), List.of(new ScriptExistsCommand(scripting), new ScriptFlushCommand(scripting),
                new ScriptHelpCommand(), new ScriptKillCommand(scripting), new ScriptLoadCommand(scripting)));
    }
}
