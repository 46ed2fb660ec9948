package com.example.hits;

import io.pyredis.api.Argument;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code HITS.INCR key [BY increment]}: adds {@code increment} (1 by default) to the hit
 * counter at {@code key}, created at 0 when missing, and replies the new count. A key
 * holding another type gets WRONGTYPE; an increment that is not an integer, or a count
 * that would overflow, gets Redis's INCRBY errors.
 */
final class HitsIncrCommand implements Command {

    /**
     * Everything the server needs to know: the name (lower case), the arity (negative: at
     * least 2 words), the flags (WRITE: it changes data; DENYOOM: refused when out of
     * memory; FAST: O(1)), where the key is (argument 1, read and written), and the
     * documentation COMMAND DOCS, redis-cli and pyredis-cli show.
     */
    private static final CommandSpec SPEC = new CommandSpec("hits.incr", -2,
            EnumSet.of(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST),
            List.of(KeySpec.single(1, KeyFlag.RW, KeyFlag.ACCESS, KeyFlag.UPDATE)),
            new CommandDoc("Increments a hit counter by one or by the given amount.", "0.1.0", "module", "O(1)",
                    List.of(Argument.key("key", 0),
                            Argument.of("increment", Argument.Type.INTEGER).withToken("BY")
                                    .with(Argument.Flag.OPTIONAL))));

    private static final byte[] BY = "BY".getBytes(StandardCharsets.US_ASCII);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long by = 1;
        if (args.length == 4 && equalsIgnoreCase(args[2], BY)) {
            by = parseLong(args[3]);
        } else if (args.length != 2) {
            throw RedisError.SYNTAX;
        }
        byte[] key = args[1];
        // get() throws WRONGTYPE when the key holds another type.
        Hits hits = ctx.db().get(key, Hits.class);
        boolean created = hits == null;
        if (created) {
            hits = new Hits();
        }
        if (!hits.add(by)) {
            throw RedisError.OVERFLOW;
        }
        if (created) {
            ctx.db().set(key, hits);
        } else {
            ctx.db().modified(key); // changed in place: WATCH, the AOF and snapshots see it
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvent.MODULE, "hits.incr", key);
        ctx.reply().integer(hits.count());
    }

    /** A decimal integer as Redis reads one: no sign but '-', no leading zeros, no spaces. */
    private static long parseLong(byte[] b) {
        String s = new String(b, StandardCharsets.US_ASCII);
        boolean neg = s.startsWith("-");
        String digits = neg ? s.substring(1) : s;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)
                || (digits.length() > 1 && digits.charAt(0) == '0') || (neg && digits.equals("0"))) {
            throw RedisError.NOT_INTEGER;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw RedisError.NOT_INTEGER;
        }
    }

    private static boolean equalsIgnoreCase(byte[] a, byte[] upper) {
        if (a.length != upper.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Character.toUpperCase(a[i]) != upper[i]) {
                return false;
            }
        }
        return true;
    }
}
