package io.pyredis.commands.hyperloglog;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;

/** How the commands find HLLs in the keyspace and store them back. */
final class Values {

    private Values() {
    }

    /**
     * The bytes of an HLL value, {@code null} for no key: Redis's isHLLObjectOrReply.
     *
     * @throws RedisError the usual WRONGTYPE for another type, {@link Errors#NOT_HLL} for a
     *                    string that is not an HLL
     */
    static byte[] hllBytes(RedisValue v) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof RedisString s)) {
            throw RedisError.WRONGTYPE;
        }
        byte[] b = s.bytes();
        if (!Hll.isValid(b)) {
            throw Errors.NOT_HLL;
        }
        return b;
    }

    /**
     * Stores a changed HLL: a new key, or the old one's value replaced keeping its time to
     * live (Redis changes the string in place). Always {@code raw}, as Redis's unshared sds.
     */
    static void store(Database db, byte[] key, Hll h, boolean existed) {
        RedisString value = RedisString.raw(h.bytes());
        if (existed) {
            db.setKeepTtl(key, value);
        } else {
            db.set(key, value);
        }
    }

    /** The last {@code hll-sparse-max-bytes} parsed (a value object: racy reads are fine). */
    private static Parsed last = new Parsed("3000", 3000);

    private record Parsed(String text, long value) {
    }

    /** {@code hll-sparse-max-bytes}: the largest sparse representation, header included, before turning dense. */
    static long sparseMaxBytes(CommandContext ctx) {
        String text = ctx.config("hll-sparse-max-bytes");
        Parsed p = last;
        if (text == null || text.equals(p.text)) {
            return text == null ? 3000 : p.value;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = 3000;
        }
        last = new Parsed(text, value);
        return value;
    }
}
