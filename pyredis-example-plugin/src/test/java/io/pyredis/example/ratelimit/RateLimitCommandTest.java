package io.pyredis.example.ratelimit;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.Argument;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.api.DataType;
import io.pyredis.api.SpiVersion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitCommandTest {

    private final FakeContext ctx = new FakeContext();
    private final RateLimitCommand command = new RateLimitCommand();

    private List<Object> call(String... args) {
        byte[][] bytes = new byte[args.length + 1][];
        bytes[0] = "RATELIMIT".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < args.length; i++) {
            bytes[i + 1] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        ctx.replies.clear();
        command.execute(ctx, bytes);
        return List.copyOf(ctx.replies);
    }

    private String error(String... args) {
        return assertThrows(RedisError.class, () -> call(args)).getMessage();
    }

    @Test
    void burstThenLimitedThenAllowedAgainAfterRetryAfter() {
        assertEquals(List.of("*5", 0L, 5L, 4L, -1L, 12L), call("user:1", "5", "60"));
        for (int i = 0; i < 4; i++) {
            call("user:1", "5", "60");
        }
        assertEquals(List.of("*5", 1L, 5L, 0L, 12L, 60L), call("user:1", "5", "60"));

        ctx.now += 12_000;
        assertEquals(List.of("*5", 0L, 5L, 0L, -1L, 60L), call("user:1", "5", "60"));
    }

    @Test
    void anAllowedRequestIsRecordedAsTheStateItStoredWithItsDeadline() {
        ctx.propagated.clear();
        call("k", "2", "10", "1");
        byte[] key = "k".getBytes(StandardCharsets.US_ASCII);
        String state = new String(((RedisString) ctx.db.get(key)).bytes(), StandardCharsets.US_ASCII);
        assertEquals(List.of(List.of("SET", "k", state, "PXAT", Long.toString(ctx.db.expireAt(key)))), ctx.propagated);

        // Replayed later, the recorded SET gives the same key: same state, same deadline.
        FakeContext later = new FakeContext();
        later.now = ctx.now + 3_000;
        List<String> set = ctx.propagated.get(0);
        later.db.set(key, RedisString.of(set.get(2).getBytes(StandardCharsets.US_ASCII)), Long.parseLong(set.get(4)));
        assertEquals(ctx.db.expireAt(key), later.db.expireAt(key));
        ctx.now += 3_000;
        assertEquals(call("k", "2", "10"), callOn(later, "k", "2", "10"), "the next decision is the same");
    }

    @Test
    void aLimitedRequestRecordsNothing() {
        call("k", "1", "10");
        ctx.propagated.clear();
        assertEquals(1L, call("k", "1", "10").get(1));
        assertEquals(List.of(), ctx.propagated);
    }

    private List<Object> callOn(FakeContext other, String... args) {
        byte[][] bytes = new byte[args.length + 1][];
        bytes[0] = "RATELIMIT".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < args.length; i++) {
            bytes[i + 1] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        command.execute(other, bytes);
        return List.copyOf(other.replies);
    }

    @Test
    void keysAreIndependent() {
        call("a", "1", "10");
        assertEquals(1L, call("a", "1", "10").get(1));
        assertEquals(0L, call("b", "1", "10").get(1));
    }

    @Test
    void stateExpiresWhenItNoLongerMatters() {
        call("k", "2", "10", "2");
        byte[] key = "k".getBytes(StandardCharsets.US_ASCII);
        assertEquals(ctx.now + 10_000, ctx.db.expireAt(key));
        ctx.now += 10_000;
        assertFalse(ctx.db.exists(key));
        assertEquals(List.of("*5", 0L, 2L, 1L, -1L, 5L), call("k", "2", "10"));
    }

    @Test
    void secondsAreRoundedUpSoWaitingThatLongIsEnough() {
        call("k", "3", "1");
        call("k", "3", "1");
        call("k", "3", "1");
        List<Object> limited = call("k", "3", "1");
        assertEquals(1L, limited.get(1));
        assertEquals(1L, limited.get(4), "retry-after of 333 ms is reported as 1 s");
        ctx.now += 1000;
        assertEquals(0L, call("k", "3", "1").get(1));
    }

    @Test
    void aLimitedRequestLeavesTheKeyAlone() {
        call("k", "1", "100");
        byte[] key = "k".getBytes(StandardCharsets.US_ASCII);
        RedisValue before = ctx.db.get(key);
        long deadline = ctx.db.expireAt(key);
        call("k", "1", "100");
        assertTrue(before == ctx.db.get(key));
        assertEquals(deadline, ctx.db.expireAt(key));
    }

    @Test
    void costZeroReportsWithoutCreatingTheKey() {
        assertEquals(List.of("*5", 0L, 7L, 7L, -1L, 0L), call("k", "7", "60", "0"));
        assertFalse(ctx.db.exists("k".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void costAboveTheLimitIsLimitedWithNoRetry() {
        assertEquals(List.of("*5", 1L, 3L, 3L, -1L, 0L), call("k", "3", "60", "4"));
    }

    @Test
    void badArgumentsGetRedisErrors() {
        assertEquals("ERR value is not an integer or out of range", error("k", "x", "60"));
        assertEquals("ERR value is not an integer or out of range", error("k", "5", "1.5"));
        assertEquals("ERR value is not an integer or out of range", error("k", "5", "60", "99999999999999999999"));
        assertEquals("ERR value is out of range, must be positive", error("k", "0", "60"));
        assertEquals("ERR value is out of range, must be positive", error("k", "5", "-1"));
        assertEquals("ERR value is out of range", error("k", "5", "1000000001"));
        assertEquals("ERR max-requests must not exceed 1000000 per second of period", error("k", "1000001", "1"));
        assertEquals("ERR cost is negative", error("k", "5", "60", "-1"));
        assertEquals("ERR syntax error", error("k", "5", "60", "1", "extra"));
    }

    @Test
    void aKeyOfAnotherKindIsRefused() {
        byte[] key = "k".getBytes(StandardCharsets.US_ASCII);
        ctx.db.set(key, new RedisValue() {
            @Override public DataType type() { return DataType.LIST; }
            @Override public String encoding() { return "listpack"; }
        });
        assertEquals(RedisError.WRONGTYPE.getMessage(), error("k", "5", "60"));
        ctx.db.set(key, RedisString.of("not a number"));
        assertEquals("ERR value is not an integer or out of range", error("k", "5", "60"));
    }

    @Test
    void specDescribesTheCommandForCommandDocs() {
        CommandSpec spec = command.spec();
        assertEquals("ratelimit", spec.name());
        assertTrue(spec.acceptsArgc(4) && spec.acceptsArgc(5) && !spec.acceptsArgc(3));
        assertEquals(List.of(KeySpec.single(1, KeyFlag.RW, KeyFlag.ACCESS, KeyFlag.UPDATE)), spec.keySpecs());
        assertEquals("0.1.0", spec.doc().since());
        assertEquals(List.of("key", "max-requests", "period-seconds", "cost"),
                spec.doc().arguments().stream().map(Argument::name).toList());
        assertTrue(spec.doc().arguments().get(3).flags().contains(Argument.Flag.OPTIONAL));
    }

    @Test
    void thePackIsFoundThroughServiceLoader() {
        CommandPack pack = ServiceLoader.load(CommandPack.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof RateLimitPack)
                .findFirst().orElseThrow();
        assertEquals(SpiVersion.CURRENT, pack.spiVersion());
        assertEquals(List.of("ratelimit"), pack.commands().stream().map(Command::spec).map(CommandSpec::name).toList());
    }
}
