package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.support.Glob;
import io.pyredis.api.Reply;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code KEYS pattern}
 */
public final class KeysCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("keys");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        byte[] pattern = args[1];
        // As Redis, "*" skips matching, so it also lists the empty key (which "*" does not match).
        boolean all = pattern.length == 1 && pattern[0] == '*';
        List<byte[]> found = new ArrayList<>();
        ctx.db().forEachKey(k -> {
            if (all || Glob.matches(pattern, k)) {
                found.add(k);
            }
        });
        Reply r = ctx.reply();
        r.array(found.size());
        for (byte[] k : found) {
            r.bulk(k);
        }
    }
}
