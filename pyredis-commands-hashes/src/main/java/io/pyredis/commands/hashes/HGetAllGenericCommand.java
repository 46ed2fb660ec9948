package io.pyredis.commands.hashes;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisHash;
import io.pyredis.api.Reply;
import io.pyredis.support.GenericCommand;

/**
 * HKEYS, HVALS and HGETALL ({@code key}), as Redis's genericHgetallCommand: one walk over
 * the hash in storage order.
 */
abstract class HGetAllGenericCommand extends GenericCommand {

    static final int FIELDS = 1;
    static final int VALUES = 2;

    private final int what;

    /** @param what {@link #FIELDS}, {@link #VALUES} or both */
    HGetAllGenericCommand(String name, int what) {
        super(HashesPack.METADATA.spec(name));
        this.what = what;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        RedisHash h = ctx.db().get(args[1], RedisHash.class);
        Reply reply = ctx.reply();
        int n = h == null ? 0 : h.size();
        if (what == (FIELDS | VALUES)) {
            // A map in RESP3, as Redis replies HGETALL; a flat array in RESP2.
            reply.map(n);
        } else {
            reply.array(n);
        }
        for (int i = 0; i < n; i++) {
            if ((what & FIELDS) != 0) {
                reply.bulk(h.fieldAt(i));
            }
            if ((what & VALUES) != 0) {
                reply.bulk(h.valueAt(i));
            }
        }
    }
}
