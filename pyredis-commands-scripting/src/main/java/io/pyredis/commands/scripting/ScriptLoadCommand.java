package io.pyredis.commands.scripting;

import io.pyredis.api.CommandContext;
import io.pyredis.support.GenericCommand;

/**
 * {@code SCRIPT LOAD script}
 */
final class ScriptLoadCommand extends GenericCommand {

    private final Scripting scripting;

    ScriptLoadCommand(Scripting scripting) {
        super(ScriptingPack.METADATA.spec("script|load"));
        this.scripting = scripting;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ctx.reply().bulk(scripting.cache.add(args[2]).sha());
    }
}
