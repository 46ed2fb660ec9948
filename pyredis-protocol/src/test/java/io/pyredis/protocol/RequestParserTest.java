package io.pyredis.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RequestParserTest {

    /** What a parser made of some input: the requests, then the error text if it failed. */
    record Outcome(List<List<String>> requests, String error) {
    }

    private static byte[] b(String s) {
        return s.getBytes(ISO_8859_1);
    }

    /** Feeds {@code input} in chunks ending at {@code cuts} (ascending offsets), collecting requests. */
    static Outcome run(RespLimits limits, byte[] input, int[] cuts) {
        RequestParser p = new RequestParser(limits);
        List<List<String>> out = new ArrayList<>();
        int from = 0;
        try {
            for (int c = 0; c <= cuts.length; c++) {
                int to = c < cuts.length ? cuts[c] : input.length;
                // The parser must never read the caller's bytes again: hand it a copy it cannot keep.
                byte[] chunk = Arrays.copyOfRange(input, from, to);
                int off = 0;
                while (off < chunk.length) {
                    int n = p.feed(chunk, off, chunk.length - off);
                    off += n;
                    byte[][] req = p.take();
                    if (req != null) {
                        out.add(strings(req));
                    } else {
                        assertEquals(chunk.length, off, "stopped early without a request");
                    }
                }
                Arrays.fill(chunk, (byte) '#');
                from = to;
            }
            return new Outcome(out, null);
        } catch (ProtocolException e) {
            return new Outcome(out, e.getMessage());
        }
    }

    private static List<String> strings(byte[][] req) {
        List<String> l = new ArrayList<>();
        for (byte[] a : req) {
            l.add(new String(a, ISO_8859_1));
        }
        return l;
    }

    /** The outcome of {@code input} fed whole, asserted equal for every two-way split and byte by byte. */
    static Outcome parseEverySplit(RespLimits limits, byte[] input) {
        Outcome whole = run(limits, input, new int[0]);
        // Every split point of short inputs; of long ones, the first and last 1000 and a sample.
        for (int i = 1; i < input.length; i++) {
            if (input.length > 4000 && i > 1000 && i < input.length - 1000 && i % 997 != 0) {
                continue;
            }
            assertEquals(whole, run(limits, input, new int[] {i}), "split at " + i);
        }
        int[] bytes = new int[Math.max(0, input.length - 1)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = i + 1;
        }
        assertEquals(whole, run(limits, input, bytes), "byte by byte");
        return whole;
    }

    static Outcome parse(String input) {
        return parseEverySplit(RespLimits.DEFAULT, b(input));
    }

    static List<List<String>> requests(String input) {
        Outcome o = parse(input);
        assertNull(o.error(), "error");
        return o.requests();
    }

    static String error(String input) {
        Outcome o = parse(input);
        assertTrue(o.error() != null, "expected an error, got " + o.requests());
        return o.error();
    }

    @Test
    void multibulkRequestsPipelined() {
        assertEquals(List.of(List.of("SET", "key", "value"), List.of("GET", "key")),
                requests("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n"));
    }

    @Test
    void bulkPayloadIsBinarySafe() {
        assertEquals(List.of(List.of("ECHO", "a\r\n\0\u00ff$*b", "")),
                requests("*3\r\n$4\r\nECHO\r\n$8\r\na\r\n\0\u00ff$*b\r\n$0\r\n\r\n"));
    }

    @Test
    void feedStopsRightAfterOneRequest() throws Exception {
        RequestParser p = new RequestParser(RespLimits.DEFAULT);
        byte[] in = b("*1\r\n$4\r\nPING\r\nPING\r\n");
        assertEquals(14, p.feed(in, 0, in.length));
        assertEquals(List.of("PING"), strings(p.take()));
        assertNull(p.take(), "take clears");
        assertEquals(6, p.feed(in, 14, 6));
        assertEquals(List.of("PING"), strings(p.take()));
    }

    @Test
    void feedingAgainBeforeTakeIsRefused() throws Exception {
        RequestParser p = new RequestParser(RespLimits.DEFAULT);
        byte[] in = b("PING\r\nPING\r\n");
        p.feed(in, 0, in.length);
        assertThrows(IllegalStateException.class, () -> p.feed(in, 6, 6));
    }

    @Test
    void emptyMultibulkIsSkipped() {
        // Verified on redis-server 7.0.15: "*-5\r\n*0\r\nPING\n" answers one +PONG.
        assertEquals(List.of(List.of("PING")), requests("*-5\r\n*0\r\nPING\n"));
        assertEquals(List.of(), requests("*0\r\n*-1\r\n"));
    }

    @Test
    void bytesAfterCrAndAfterPayloadAreNotChecked() {
        // As Redis: the byte after a header's CR and the two after a payload are skipped unseen.
        assertEquals(List.of(List.of("PING"), List.of("PING")), requests("*1\r\n$4\r\nPINGxy*1\rx$4\r\nPING\r\n"));
    }

    @Test
    void negativeAndLargestCountsParse() {
        assertEquals(List.of(), requests("*-9223372036854775808\r\n"));
        assertEquals("Protocol error: invalid multibulk length", error("*-9223372036854775809\r\n"));
        assertEquals("Protocol error: invalid multibulk length", error("*9223372036854775808\r\n"));
        assertEquals("Protocol error: invalid multibulk length", error("*000000000000000000001\r\n"));
    }

    @Test
    void multibulkErrors() {
        // Each verified on redis-server 7.0.15.
        assertEquals("Protocol error: invalid multibulk length", error("*2147483648\r\n"));
        assertEquals("Protocol error: invalid multibulk length", error("*01\r\n"));
        assertEquals("Protocol error: invalid multibulk length", error("*-0\r\n"));
        assertEquals("Protocol error: invalid multibulk length", error("*\r\n"));
        assertEquals("Protocol error: invalid multibulk length", error("*1 \r\n"));
        assertEquals("Protocol error: invalid multibulk length", error("*+1\r\n"));
        assertEquals("Protocol error: invalid multibulk length", error("*abc\r\n"));
        assertEquals("Protocol error: invalid bulk length", error("*1\r\n$-1\r\n"));
        assertEquals("Protocol error: invalid bulk length", error("*1\r\n$-5\r\n"));
        assertEquals("Protocol error: invalid bulk length", error("*1\r\n$+4\r\n"));
        assertEquals("Protocol error: invalid bulk length", error("*1\r\n$04\r\n"));
        assertEquals("Protocol error: invalid bulk length", error("*1\r\n$\r\nx"));
        assertEquals("Protocol error: invalid bulk length", error("*1\r\n$536870913\r\n"));
        assertEquals("Protocol error: expected '$', got '+'", error("*1\r\n+4\r\n"));
        assertEquals("Protocol error: expected '$', got ' '", error("*1\r\n\r\nx"));
        assertEquals("Protocol error: expected '$', got '\u00c3'", error("*1\r\n\u00c3\r\nx"));
        assertEquals("Protocol error: expected '$', got 'P'", error("*2\r\n$4\r\nECHO\r\nPING\r\n"));
    }

    @Test
    void errorsWaitForTheWholeLine() {
        // Redis judges a header only once its CR and the byte after it are there.
        assertEquals(new Outcome(List.of(), null), parse("*1\r\n+4"));
        assertEquals(new Outcome(List.of(), null), parse("*1\r\n+4\r"));
        assertEquals(new Outcome(List.of(), null), parse("*abc\r"));
    }

    @Test
    void errorsComeAfterTheRequestsBeforeThem() {
        assertEquals(new Outcome(List.of(List.of("PING")), "Protocol error: unbalanced quotes in request"),
                parse("PING\r\nECHO \"a\r\nPING\r\n"));
    }

    @Test
    void tooLongHeaderLines() {
        String digits = "1".repeat(100 * 1024);
        assertEquals("Protocol error: too big mbulk count string", error("*" + digits));
        assertEquals("Protocol error: too big bulk count string", error("*1\r\n$" + digits));
        // 64 KB exactly, counting the '*', may still end; one byte more may not.
        String max = "*" + "0".repeat(64 * 1024 - 1);
        assertEquals(new Outcome(List.of(), null), parse(max));
        assertEquals("Protocol error: invalid multibulk length", error(max + "\r\n"));
        assertEquals("Protocol error: too big mbulk count string", error(max + "0"));
    }

    @Test
    void nulHidesTheTerminatorAsStrchrDoes() {
        // redis-server 7.0.15 hangs on these until 64 KB more arrive, then refuses them.
        String tail = "PING\r\n".repeat(12000);
        assertEquals(new Outcome(List.of(), null), parse("*1\0\r\n$4\r\nPING\r\n"));
        assertEquals("Protocol error: too big mbulk count string", run(RespLimits.DEFAULT,
                b("*1\0\r\n" + tail), new int[0]).error());
        assertEquals("Protocol error: too big bulk count string", run(RespLimits.DEFAULT,
                b("*1\r\n$4\0\r\n" + tail), new int[0]).error());
        assertEquals(new Outcome(List.of(List.of("PING")), "Protocol error: too big inline request"),
                run(RespLimits.DEFAULT, b("PING\r\nPING a\0b\r\n" + tail), new int[0]));
    }

    @Test
    void inlineSplitting() {
        // Expected args verified on redis-server 7.0.15 (RPUSH the line, LRANGE it back).
        assertEquals(List.of(List.of("SET", "a", "b c"), List.of("GET", "a")), requests("SET a \"b c\"\r\nGET a\r\n"));
        assertEquals(List.of(List.of("SET", "ab c", "x")), requests("SET a\"b c\" x\r\n"));
        assertEquals(List.of(List.of("ECHO", "a'b")), requests("ECHO 'a\\'b'\r\n"));
        assertEquals(List.of(List.of("ECHO", "a\\\\b")), requests("ECHO 'a\\\\b'\r\n"));
        assertEquals(List.of(List.of("ECHO", "Ax4gq")), requests("ECHO \"\\x41\\x4g\\q\"\r\n"));
        assertEquals(List.of(List.of("ECHO", "xZZx4")), requests("ECHO \"\\xZZ\\x4\"\r\n"));
        assertEquals(List.of(List.of("E", "\n\r\t\b\u0007\\\"\u00ff")), requests("E \"\\n\\r\\t\\b\\a\\\\\\\"\\xfF\"\n"));
        assertEquals(List.of(List.of("ECHO", "a\u000bb")), requests("ECHO a\u000bb\r\n"));
        assertEquals(List.of(List.of("ECHO", "a", "b\fc")), requests("ECHO a\tb\fc\r\n"));
        assertEquals(List.of(List.of("PING", "PING")), requests("PING\rPING\r\n"));
        assertEquals(List.of(List.of("a", "")), requests("a \"\"\n"));
        assertEquals(List.of(List.of("a", "b")), requests("  a\t\t'b'\u000b\r\r\n"));
    }

    @Test
    void blankInlineLinesAreSkipped() {
        assertEquals(List.of(List.of("PING")), requests("\r\n  \r\n\n\t\nPING\r\n"));
    }

    @Test
    void unbalancedQuotes() {
        for (String line : List.of("ECHO \"a\"b\r\n", "\"\r\n", "ECHO 'a\r\n", "ECHO 'a'b\r\n", "ECHO \"a\\\"\r\n",
                "ECHO \"a\\\r\n")) {
            assertEquals("Protocol error: unbalanced quotes in request", error(line), line);
        }
    }

    @Test
    void inlineLineLimit() {
        int max = RespLimits.DEFAULT.maxInlineLength();
        String ok = "ECHO " + "x".repeat(max - 6) + "\r";
        assertEquals(List.of(List.of("ECHO", "x".repeat(max - 6))), requests(ok + "\n"));
        assertEquals("Protocol error: too big inline request", error("ECHO x" + ok + "\n"));
        assertEquals("Protocol error: too big inline request", error("x".repeat(100 * 1024)));
    }

    @Test
    void unauthenticatedLimits() throws Exception {
        // Verified on redis-server 7.0.15 with requirepass: these texts, not "invalid ...".
        assertEquals("Protocol error: unauthenticated multibulk length", unauth("*11\r\n"));
        assertEquals("Protocol error: unauthenticated bulk length", unauth("*1\r\n$16385\r\n"));
        assertNull(unauth("*10\r\n$16384\r\n"));
        assertNull(unauth("a b c d e f g h i j k l m n\r\n"));
        // Lifted for the next request once authenticated.
        RequestParser p = new RequestParser(RespLimits.DEFAULT);
        p.setAuthRequired(true);
        byte[] in = b("*2\r\n$4\r\nAUTH\r\n$2\r\npw\r\n*11\r\n");
        int n = p.feed(in, 0, in.length);
        assertEquals(List.of("AUTH", "pw"), strings(p.take()));
        p.setAuthRequired(false);
        assertEquals(5, p.feed(in, n, in.length - n));
    }

    private static String unauth(String input) throws Exception {
        RequestParser p = new RequestParser(RespLimits.DEFAULT);
        p.setAuthRequired(true);
        byte[] in = b(input);
        try {
            int off = 0;
            while (off < in.length) {
                off += p.feed(in, off, in.length - off);
                p.take();
            }
            return null;
        } catch (ProtocolException e) {
            return e.getMessage();
        }
    }

    @Test
    void queryBufferLimitClosesSilently() throws Exception {
        RespLimits limits = new RespLimits(1000, Integer.MAX_VALUE, 1000, 100);
        byte[] ok = b("*2\r\n$4\r\nECHO\r\n$79\r\n" + "x".repeat(79) + "\r\n");
        assertEquals(100, ok.length);
        assertEquals(2, parseEverySplit(limits, ok).requests().get(0).size());
        byte[] big = b("*2\r\n$4\r\nECHO\r\n$80\r\n" + "x".repeat(80) + "\r\n");
        RequestParser p = new RequestParser(limits);
        ProtocolException e = assertThrows(ProtocolException.class, () -> p.feed(big, 0, big.length));
        assertTrue(e.silent());
        assertEquals("Closing client that reached max query buffer length", e.getMessage());
        // Per request, not per connection.
        byte[] two = new byte[200];
        System.arraycopy(ok, 0, two, 0, 100);
        System.arraycopy(ok, 0, two, 100, 100);
        assertEquals(2, parseEverySplit(limits, two).requests().size());
    }

    @Test
    void afterAnErrorTheParserStaysFailed() {
        RequestParser p = new RequestParser(RespLimits.DEFAULT);
        byte[] in = b("*x\r\n");
        ProtocolException first = assertThrows(ProtocolException.class, () -> p.feed(in, 0, in.length));
        assertSame(first, assertThrows(ProtocolException.class, () -> p.feed(b("PING\r\n"), 0, 6)));
    }

    @Test
    void maxBulkLengthIsConfigurable() {
        RespLimits limits = new RespLimits(3, Integer.MAX_VALUE, 1024, Long.MAX_VALUE);
        assertEquals(List.of(List.of("abc")), parseEverySplit(limits, b("*1\r\n$3\r\nabc\r\n")).requests());
        assertEquals("Protocol error: invalid bulk length", parseEverySplit(limits, b("*1\r\n$4\r\n")).error());
        RespLimits fewArgs = new RespLimits(100, 2, 1024, Long.MAX_VALUE);
        assertEquals("Protocol error: invalid multibulk length", parseEverySplit(fewArgs, b("*3\r\n")).error());
    }

    // ---- hostile lengths: refused or lazily allocated -------------------------------------

    /**
     * Bytes this thread allocated while running {@code r}, from HotSpot's ThreadMXBean (looked up
     * reflectively: tests compile inside the module, which does not read java.management).
     */
    private static long allocatedBy(ThrowingRunnable r) throws Exception {
        Object mx;
        java.lang.reflect.Method allocated;
        try {
            mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> smx = Class.forName("com.sun.management.ThreadMXBean");
            Assumptions.assumeTrue(smx.isInstance(mx));
            Assumptions.assumeTrue((Boolean) smx.getMethod("isThreadAllocatedMemoryEnabled").invoke(mx));
            allocated = smx.getMethod("getThreadAllocatedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            Assumptions.abort("no allocation counter: " + e);
            return 0;
        }
        long id = Thread.currentThread().getId();
        long before = (Long) allocated.invoke(mx, id);
        r.run();
        return (Long) allocated.invoke(mx, id) - before;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void hugeDeclaredCountAllocatesLittle() throws Exception {
        RequestParser p = new RequestParser(RespLimits.DEFAULT);
        byte[] in = b("*2147483647\r\n$3\r\nSET\r\n$1\r\nk\r\n");
        long bytes = allocatedBy(() -> assertEquals(in.length, p.feed(in, 0, in.length)));
        assertTrue(bytes < 1 << 20, "allocated " + bytes);
        assertNull(p.take());
        byte[] in2 = b("*999999999\r\n");
        RequestParser p2 = new RequestParser(RespLimits.DEFAULT);
        assertTrue(allocatedBy(() -> p2.feed(in2, 0, in2.length)) < 1 << 20);
    }

    @Test
    void hugeDeclaredBulkAllocatesAsDataArrives() throws Exception {
        RequestParser p = new RequestParser(RespLimits.DEFAULT);
        byte[] in = b("*1\r\n$536870912\r\nabc");
        long bytes = allocatedBy(() -> assertEquals(in.length, p.feed(in, 0, in.length)));
        assertTrue(bytes < 1 << 20, "allocated " + bytes);
        byte[] more = new byte[100_000];
        long bytes2 = allocatedBy(() -> assertEquals(more.length, p.feed(more, 0, more.length)));
        assertTrue(bytes2 < 1 << 20, "allocated " + bytes2);
        assertNull(p.take());
    }

    @Test
    void bigBulkGrowingAcrossFeedsIsExact() throws Exception {
        byte[] payload = new byte[300_001];
        new Random(7).nextBytes(payload);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(b("*2\r\n$3\r\nSET\r\n$300001\r\n"));
        o.write(payload);
        o.write(b("\r\n"));
        byte[] in = o.toByteArray();
        for (int chunk : new int[] {1, 7, 1000, 65536, 100_000, in.length}) {
            RequestParser p = new RequestParser(RespLimits.DEFAULT);
            byte[][] req = null;
            for (int off = 0; off < in.length; ) {
                int len = Math.min(chunk, in.length - off);
                int n = p.feed(Arrays.copyOfRange(in, off, off + len), 0, len);
                off += n;
                byte[][] r = p.take();
                if (r != null) {
                    req = r;
                }
            }
            assertArrayEquals(payload, req[1], "chunk " + chunk);
        }
    }

    @Test
    void randomPipelinesAnySplit() {
        Random rnd = new Random(12345);
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            List<List<String>> expected = new ArrayList<>();
            int requests = 1 + rnd.nextInt(4);
            for (int r = 0; r < requests; r++) {
                int argc = 1 + rnd.nextInt(5);
                List<String> args = new ArrayList<>();
                StringBuilder sb = new StringBuilder("*").append(argc).append("\r\n");
                for (int a = 0; a < argc; a++) {
                    char[] cs = new char[rnd.nextInt(rnd.nextBoolean() ? 5 : 3000)];
                    for (int i = 0; i < cs.length; i++) {
                        cs[i] = (char) rnd.nextInt(256);
                    }
                    String arg = new String(cs);
                    args.add(arg);
                    sb.append('$').append(cs.length).append("\r\n").append(arg).append("\r\n");
                }
                expected.add(args);
                o.writeBytes(b(sb.toString()));
            }
            byte[] in = o.toByteArray();
            int[] cuts = rnd.ints(rnd.nextInt(20), 0, in.length + 1).sorted().toArray();
            assertEquals(new Outcome(expected, null), run(RespLimits.DEFAULT, in, cuts), "round " + round);
        }
    }
}
