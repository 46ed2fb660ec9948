package io.pyredis.commands.hashes;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisHash;
import io.pyredis.api.Reply;

/** HKEYS, HVALS and HGETALL: one walk over the hash in storage order. */
final class HashReads {

    static final int FIELDS = 1;
    static final int VALUES = 2;

    private HashReads() {
    }

    static void replyAll(CommandContext ctx, byte[] key, int what) {
        RedisHash h = ctx.db().get(key, RedisHash.class);
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
