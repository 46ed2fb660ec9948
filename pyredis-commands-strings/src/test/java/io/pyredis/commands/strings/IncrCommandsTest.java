package io.pyredis.commands.strings;

import io.pyredis.testkit.Harness;

import io.pyredis.support.LongDouble;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.pyredis.testkit.Resp.NOT_FLOAT;
import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.OK;
import static io.pyredis.testkit.Resp.WRONGTYPE;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** INCR, DECR, INCRBY, DECRBY, INCRBYFLOAT; expected replies taken from redis-server 7.0.15. */
class IncrCommandsTest {

    private static final String OVERFLOW = err("ERR increment or decrement would overflow");
    private static final String NAN_OR_INF = err("ERR increment would produce NaN or Infinity");

    private final Harness h = new Harness();

    @Test
    void incrAndDecr() {
        assertEquals(integer(1), h.call("INCR", "k"));
        assertEquals(integer(2), h.call("INCR", "k"));
        assertEquals(integer(1), h.call("DECR", "k"));
        assertEquals(integer(-1), h.call("DECR", "n"));
        assertEquals(integer(11), h.call("INCRBY", "k", "10"));
        assertEquals(integer(-9), h.call("DECRBY", "k", "20"));
        assertEquals(integer(-4), h.call("INCRBY", "k", "5"));
        assertEquals(integer(0), h.call("DECRBY", "k", "-4"));
        assertEquals(bulk("0"), h.call("GET", "k"));
    }

    @Test
    void incrKeepsTheTtl() {
        h.call("SET", "k", "10", "EX", "100");
        assertEquals(integer(11), h.call("INCR", "k"));
        assertEquals(100_000, h.pttl("k"));
        assertEquals(bulk("11.1"), h.call("INCRBYFLOAT", "k", "0.1"));
        assertEquals(100_000, h.pttl("k"));
    }

    @Test
    void notAnInteger() {
        for (String v : new String[] {"abc", " 1", "1 ", "01", "-0", "+1", "1.0", "", "9223372036854775808"}) {
            h.call("SET", "k", v);
            assertEquals(NOT_INTEGER, h.call("INCR", "k"), v);
        }
        assertEquals(bulk("9223372036854775808"), h.call("GET", "k"), "the failed INCR changed nothing");
        assertEquals(NOT_INTEGER, h.call("INCRBY", "n", "x"));
        assertEquals(NOT_INTEGER, h.call("DECRBY", "n", "1.5"));
        h.storeNonString("l");
        assertEquals(WRONGTYPE, h.call("INCR", "l"));
        assertEquals(WRONGTYPE, h.call("DECRBY", "l", "1"));
        assertEquals(NOT_INTEGER, h.call("INCRBY", "l", "x"), "the increment is parsed before the lookup");
    }

    @Test
    void overflow() {
        h.call("SET", "k", "9223372036854775807");
        assertEquals(OVERFLOW, h.call("INCR", "k"));
        assertEquals(OVERFLOW, h.call("INCRBY", "k", "1"));
        h.call("SET", "k", "-9223372036854775808");
        assertEquals(OVERFLOW, h.call("DECR", "k"));
        assertEquals(integer(-1), h.call("INCRBY", "k", "9223372036854775807"));
        assertEquals(err("ERR decrement would overflow"), h.call("DECRBY", "k", "-9223372036854775808"));
        assertEquals(err("ERR decrement would overflow"), h.call("DECRBY", "new", "-9223372036854775808"));
        assertEquals(integer(9223372036854775807L), h.call("DECRBY", "m", "-9223372036854775807"));
    }

    @Test
    void incrbyfloatExamples() {
        h.call("SET", "k", "10.5");
        assertEquals(bulk("10.6"), h.call("INCRBYFLOAT", "k", "0.1"));
        h.call("SET", "k", "5.0e3");
        assertEquals(bulk("5200"), h.call("INCRBYFLOAT", "k", "2.0e2"));
        assertEquals(bulk("5200"), h.call("GET", "k"));
        assertEquals(bulk("3"), h.call("INCRBYFLOAT", "n", "3"));
        assertEquals(bulk("3.00001"), h.call("INCRBYFLOAT", "n", "1e-5"));
        assertEquals(bulk("0.1"), h.call("INCRBYFLOAT", "f", "0.1"));
        assertEquals(bulk("0.3"), h.call("INCRBYFLOAT", "f", "0.2"));
        assertEquals(bulk("0"), h.call("INCRBYFLOAT", "f", "-0.3"));
    }

    @Test
    void incrbyfloatRangeIsLongDouble() {
        // Redis computes in 80-bit long double: 1.5e308 twice does not overflow there.
        String first = h.call("INCRBYFLOAT", "k", "1.5e308");
        assertTrue(first.startsWith("$309\r\n1499999999999999999999014764894684680310"), first);
        String second = h.call("INCRBYFLOAT", "k", "1.5e308");
        assertTrue(second.startsWith("$309\r\n2999999999999999999998029529789369360620"), second);
        assertTrue(h.call("INCRBYFLOAT", "big", "1.1e4932").startsWith("$4933\r\n1099999999999999999974373107"));
        assertEquals(NAN_OR_INF, h.call("INCRBYFLOAT", "big", "1e4932"));
        assertEquals(NOT_FLOAT, h.call("INCRBYFLOAT", "big2", "1.2e4932"), "beyond long double: strtold overflows");
    }

    @Test
    void incrbyfloatErrors() {
        assertEquals(NOT_FLOAT, h.call("INCRBYFLOAT", "k", "abc"));
        assertEquals(NOT_FLOAT, h.call("INCRBYFLOAT", "k", "nan"));
        assertEquals(NOT_FLOAT, h.call("INCRBYFLOAT", "k", " 1"));
        assertEquals(NOT_FLOAT, h.call("INCRBYFLOAT", "k", "1e5000"));
        assertEquals(NAN_OR_INF, h.call("INCRBYFLOAT", "k", "inf"));
        assertEquals(NAN_OR_INF, h.call("INCRBYFLOAT", "k", "-Infinity"));
        h.call("SET", "s", "abc");
        assertEquals(NOT_FLOAT, h.call("INCRBYFLOAT", "s", "1"));
        h.call("SET", "s", "inf");
        assertEquals(NAN_OR_INF, h.call("INCRBYFLOAT", "s", "1"));
        assertEquals(NAN_OR_INF, h.call("INCRBYFLOAT", "s", "-inf"));
        assertEquals(bulk("inf"), h.call("GET", "s"));
        h.storeNonString("l");
        assertEquals(WRONGTYPE, h.call("INCRBYFLOAT", "l", "abc"), "the type is checked before the increment");
    }

    /** Every line of the table recorded from Redis 7.0.15 on x86-64 (see the resource's header). */
    @Test
    void incrbyfloatMatchesRedisDigitForDigit() throws IOException {
        List<String[]> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/incrbyfloat-redis-7.0.15.tsv"));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("#")) {
                    cases.add(line.split("\t", -1));
                }
            }
        }
        assertTrue(cases.size() > 500);
        List<String> mismatches = new ArrayList<>();
        for (String[] c : cases) {
            assertEquals(OK, h.call("SET", "k", c[0]));
            String got = h.call("INCRBYFLOAT", "k", c[1]);
            String want = c[2].startsWith("ERR ") ? err(c[2]) : bulk(c[2]);
            if (!want.equals(got)) {
                mismatches.add(c[0] + " + " + c[1] + ": want " + want.trim() + ", got " + got.trim());
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void printingRoundsTiesToEven() {
        assertEquals("0.00000381469726562", ascii(LongDouble.format(LongDouble.parse(bytes("0x1p-18")))));
        assertEquals("0.00001144409179688", ascii(LongDouble.format(LongDouble.parse(bytes("0x3p-18")))));
        assertEquals("0", ascii(LongDouble.format(LongDouble.parse(bytes("-1e-20")))), "no -0");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
