package io.pyredis.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzz targets (Jazzer) for the request parser: what a client, or an attacker,
 * sends before and after AUTH, multibulk and inline, RESP2 and RESP3 (HELLO 3) alike, under the
 * default limits and under small ones the fuzzer can reach. The only acceptable outcomes are
 * requests and a {@link ProtocolException}; and the outcome must not depend on how the bytes
 * are split into reads (all at once, one byte at a time, or in uneven chunks), which the
 * parser promises. Anything else (another exception, a differing result, an allocation out of
 * proportion to the input, such as one sized by a declared length rather than by the bytes
 * present) is a finding.
 *
 * <p>{@code mvn verify} runs each target in regression mode over its seeds and past findings in
 * {@code src/test/resources/io/pyredis/protocol/RequestParserFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes one of them (see README.md, Testing).
 */
class RequestParserFuzzTest {

    /** Small enough that the fuzzer reaches every limit with short inputs. */
    private static final RespLimits SMALL = new RespLimits(64, 8, 64, 512);

    @FuzzTest(maxDuration = "5m")
    void requests(byte[] input) {
        check(input, RespLimits.DEFAULT, false);
    }

    /** Before AUTH when a password is set: at most 10 arguments of at most 16 KB. */
    @FuzzTest(maxDuration = "5m")
    void unauthenticatedRequests(byte[] input) {
        check(input, RespLimits.DEFAULT, true);
    }

    @FuzzTest(maxDuration = "5m")
    void requestsUnderSmallLimits(byte[] input) {
        check(input, SMALL, false);
    }

    private static void check(byte[] input, RespLimits limits, boolean unauthenticated) {
        long before = allocated();
        Outcome whole = parse(input, limits, unauthenticated, input.length);
        checkAllocation(before, input.length);
        assertEquals(whole, parse(input, limits, unauthenticated, 1), "fed one byte at a time");
        assertEquals(whole, parse(input, limits, unauthenticated, 7), "fed in chunks of 7");
        assertTrue(whole.argumentBytes <= input.length, "requests hold more bytes than were sent");
    }

    /** The requests (arguments joined, for comparison) and the error that ended the input, if any. */
    private record Outcome(List<String> requests, long argumentBytes, String error) {
    }

    private static Outcome parse(byte[] input, RespLimits limits, boolean unauthenticated, int chunk) {
        RequestParser p = new RequestParser(limits);
        p.setAuthRequired(unauthenticated);
        List<String> requests = new ArrayList<>();
        long argumentBytes = 0;
        int off = 0;
        try {
            while (off < input.length) {
                int len = Math.min(chunk, input.length - off);
                byte[] read = Arrays.copyOfRange(input, off, off + len);
                int at = 0;
                while (at < len) {
                    at += p.feed(read, at, len - at);
                    byte[][] r = p.take();
                    if (r != null) {
                        StringBuilder sb = new StringBuilder();
                        for (byte[] a : r) {
                            argumentBytes += a.length;
                            sb.append(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1));
                        }
                        requests.add(r.length + ":" + sb);
                    }
                }
                off += len;
            }
        } catch (ProtocolException e) {
            return new Outcome(requests, argumentBytes, e.getMessage() + (e.silent() ? " (silent)" : ""));
        }
        return new Outcome(requests, argumentBytes, null);
    }

    private static final com.sun.management.ThreadMXBean MX = threadBean();
    private static long classesBefore;

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx instanceof com.sun.management.ThreadMXBean bean && bean.isThreadAllocatedMemorySupported()) {
            bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        return null;
    }

    private static long allocated() {
        classesBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        return MX == null ? 0 : MX.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /**
     * What one parse may allocate: a fixed allowance plus, per input byte, what a bulk header
     * may allocate eagerly (up to 64 KB for a header of at least 4 bytes: "$N\r\n").
     */
    private static void checkAllocation(long before, int inputLength) {
        if (MX == null || ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() != classesBefore) {
            return; // loading (and instrumenting) classes allocates on this thread too
        }
        long used = allocated() - before;
        long allowed = (4L << 20) + 16_384L * inputLength;
        assertTrue(used <= allowed, "allocated " + used + " bytes for an input of " + inputLength);
    }
}
