package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code UNLINK key [key ...]}
 *
 * <p>DEL's twin: Redis frees big values in a background thread; here the JVM's collector
 * already does, so it deletes exactly as DEL.
 */
public final class UnlinkCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("unlink");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ctx.reply().integer(DelCommand.deleteAll(ctx, args));
    }
}
