package io.pyredis.example.ratelimit;

import io.pyredis.api.Argument;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.api.Reply;
import io.pyredis.example.args.Integers;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code RATELIMIT key max-requests period-seconds [cost]}: counts a request of weight
 * {@code cost} (default 1) against a limit of {@code max-requests} per
 * {@code period-seconds} on {@code key}, and replies like redis-cell's CL.THROTTLE:
 * <ol>
 *   <li>1 if the request is limited (refused), 0 if it is allowed;</li>
 *   <li>the limit, {@code max-requests};</li>
 *   <li>how many more requests are allowed right now;</li>
 *   <li>seconds until the request would be allowed, -1 if it is allowed (or never can be);</li>
 *   <li>seconds until the key is back to its full burst.</li>
 * </ol>
 * Only an allowed request changes the key, which holds the limiter's state (a number)
 * and expires when that state no longer matters.
 *
 * <p>The decision depends on the time, so the command is not recorded in the append-only
 * file as sent (replaying it later would decide again, differently): it propagates the state
 * it stored, as {@code SET key state PXAT deadline}, which gives the same key whenever it is
 * replayed. A refused request changes nothing and records nothing.
 */
final class RateLimitCommand implements Command {

    /** Up to about 31 years: keeps every sum in microseconds far from overflowing. */
    static final long MAX_PERIOD_SECONDS = 1_000_000_000L;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    static final RedisError NOT_POSITIVE = new RedisError("ERR value is out of range, must be positive");
    static final RedisError OUT_OF_RANGE = new RedisError("ERR value is out of range");
    static final RedisError TOO_FAST =
            new RedisError("ERR max-requests must not exceed 1000000 per second of period");
    static final RedisError NEGATIVE_COST = new RedisError("ERR cost is negative");

    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PXAT = "PXAT".getBytes(StandardCharsets.US_ASCII);

    private static final CommandSpec SPEC = new CommandSpec("ratelimit", -4,
            EnumSet.of(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST),
            List.of(KeySpec.single(1, KeyFlag.RW, KeyFlag.ACCESS, KeyFlag.UPDATE)),
            new CommandDoc("Counts a request against a rate limit (GCRA) and tells whether it is allowed.", "0.1.0",
                    "module", "O(1)", List.of(
                            Argument.key("key", 0),
                            Argument.of("max-requests", Argument.Type.INTEGER),
                            Argument.of("period-seconds", Argument.Type.INTEGER),
                            Argument.of("cost", Argument.Type.INTEGER).with(Argument.Flag.OPTIONAL))));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        if (args.length > 5) {
            throw RedisError.SYNTAX;
        }
        byte[] key = args[1];
        long max = Integers.parse(args[2]);
        long periodSeconds = Integers.parse(args[3]);
        long cost = args.length == 5 ? Integers.parse(args[4]) : 1;
        if (max <= 0 || periodSeconds <= 0) {
            throw NOT_POSITIVE;
        }
        if (periodSeconds > MAX_PERIOD_SECONDS) {
            throw OUT_OF_RANGE;
        }
        long periodMicros = periodSeconds * MICROS_PER_SECOND;
        if (max > periodMicros) {
            throw TOO_FAST;
        }
        if (cost < 0) {
            throw NEGATIVE_COST;
        }

        RedisString state = ctx.db().get(key, RedisString.class);
        long storedTat = state == null ? Gcra.NO_STATE : Integers.parse(state.bytes());
        long now = ctx.now() * 1000L;
        Gcra.Decision d = Gcra.decide(storedTat, now, max, periodMicros, cost);
        if (d.newTat() != Gcra.NO_STATE) {
            RedisString newState = RedisString.of(d.newTat());
            long deadline = ceilDiv(d.newTat(), 1000L);
            ctx.db().set(key, newState, deadline);
            ctx.propagate(SET, key, newState.bytes(), PXAT, ascii(deadline));
        }

        Reply reply = ctx.reply();
        reply.array(5);
        reply.integer(d.limited() ? 1 : 0);
        reply.integer(d.limit());
        reply.integer(d.remaining());
        reply.integer(d.retryAfter() < 0 ? -1 : ceilDiv(d.retryAfter(), MICROS_PER_SECOND));
        reply.integer(ceilDiv(d.resetAfter(), MICROS_PER_SECOND));
    }

    private static byte[] ascii(long v) {
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    // Rounded up: a client that waits retry-after seconds must then be let through.
    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
