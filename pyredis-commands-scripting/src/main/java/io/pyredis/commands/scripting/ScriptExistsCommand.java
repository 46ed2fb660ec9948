package io.pyredis.commands.scripting;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Reply;
import io.pyredis.support.GenericCommand;

import java.nio.charset.StandardCharsets;

/**
 * {@code SCRIPT EXISTS sha1 [sha1 ...]}
 */
final class ScriptExistsCommand extends GenericCommand {

    private final Scripting scripting;

    ScriptExistsCommand(Scripting scripting) {
        super(ScriptingPack.METADATA.spec("script|exists"));
        this.scripting = scripting;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Reply r = ctx.reply();
        r.array(args.length - 2);
        for (int j = 2; j < args.length; j++) {
            r.integer(scripting.cache.get(new String(args[j], StandardCharsets.ISO_8859_1)) != null ? 1 : 0);
        }
    }
}
