package io.pyredis.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RespWriterTest {

    private static String write(int protocol, Consumer<RespWriter> body) {
        RespWriter w = new RespWriter(protocol, 0);
        body.accept(w);
        return new String(w.buffer(), 0, w.size(), ISO_8859_1);
    }

    private static void both(String resp2, String resp3, Consumer<RespWriter> body) {
        assertEquals(resp2, write(2, body), "RESP2");
        assertEquals(resp3, write(3, body), "RESP3");
    }

    @Test
    void simpleAndErrors() {
        both("+OK\r\n", "+OK\r\n", RespWriter::ok);
        both("+PONG\r\n", "+PONG\r\n", w -> w.simple("PONG"));
        both("-ERR syntax error\r\n", "-ERR syntax error\r\n", w -> w.error("ERR syntax error"));
        both("-WRONGTYPE x\r\n", "-WRONGTYPE x\r\n", w -> w.error(new io.pyredis.api.RedisError("WRONGTYPE x")));
        both("-ERR a\r\n", "-ERR a\r\n", w -> w.error("-ERR a"));
        // A newline would end the reply early: Redis turns CR and LF into spaces.
        both("-ERR a  b\r\n", "-ERR a  b\r\n", w -> w.error("ERR a\r\nb"));
        assertEquals("+h\u00c3\u00a9llo\r\n", write(2, w -> w.simple("h\u00e9llo")));
    }

    @Test
    void integers() {
        both(":0\r\n", ":0\r\n", w -> w.integer(0));
        both(":-1\r\n", ":-1\r\n", w -> w.integer(-1));
        both(":9223372036854775807\r\n", ":9223372036854775807\r\n", w -> w.integer(Long.MAX_VALUE));
        both(":-9223372036854775808\r\n", ":-9223372036854775808\r\n", w -> w.integer(Long.MIN_VALUE));
        Random rnd = new Random(1);
        RespWriter w = new RespWriter(2);
        for (int i = 0; i < 100_000; i++) {
            long v = i < 200 ? i - 100 : rnd.nextLong() >> rnd.nextInt(64);
            w.reset();
            w.integer(v);
            assertEquals(":" + v + "\r\n", new String(w.buffer(), 0, w.size(), ISO_8859_1));
            w.reset();
            w.bulk(v);
            String s = Long.toString(v);
            assertEquals("$" + s.length() + "\r\n" + s + "\r\n", new String(w.buffer(), 0, w.size(), ISO_8859_1));
        }
        for (long p = 1; p > 0 && p < Long.MAX_VALUE / 10; p *= 10) {
            for (long v : new long[] {p - 1, p, p + 1, -p, -(p - 1)}) {
                assertEquals(":" + v + "\r\n", write(2, x -> x.integer(v)));
            }
        }
    }

    @Test
    void bulks() {
        both("$3\r\nfoo\r\n", "$3\r\nfoo\r\n", w -> w.bulk("foo".getBytes(UTF_8)));
        both("$0\r\n\r\n", "$0\r\n\r\n", w -> w.bulk(new byte[0]));
        both("$2\r\nbc\r\n", "$2\r\nbc\r\n", w -> w.bulk("abcd".getBytes(UTF_8), 1, 2));
        both("$3\r\nfoo\r\n", "$3\r\nfoo\r\n", w -> w.bulk("foo"));
        both("$2\r\n\u00c3\u00a9\r\n", "$2\r\n\u00c3\u00a9\r\n", w -> w.bulk("\u00e9"));
        both("$4\r\n-123\r\n", "$4\r\n-123\r\n", w -> w.bulk(-123L));
        both("$-1\r\n", "_\r\n", w -> w.bulk((byte[]) null));
        both("$-1\r\n", "_\r\n", RespWriter::nullBulk);
        both("*-1\r\n", "_\r\n", RespWriter::nullArray);
    }

    @Test
    void aggregates() {
        both("*2\r\n$1\r\na\r\n:1\r\n", "*2\r\n$1\r\na\r\n:1\r\n", w -> {
            w.array(2);
            w.bulk("a");
            w.integer(1);
        });
        both("*0\r\n", "*0\r\n", w -> w.array(0));
        both("*4\r\n$1\r\nk\r\n$1\r\nv\r\n$1\r\nj\r\n:2\r\n", "%2\r\n$1\r\nk\r\n$1\r\nv\r\n$1\r\nj\r\n:2\r\n", w -> {
            w.map(2);
            w.bulk("k");
            w.bulk("v");
            w.bulk("j");
            w.integer(2);
        });
        both("*1\r\n$1\r\nm\r\n", "~1\r\n$1\r\nm\r\n", w -> {
            w.set(1);
            w.bulk("m");
        });
        both("*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n", ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n", w -> {
            w.push(3);
            w.bulk("message");
            w.bulk("ch");
            w.bulk("hi");
        });
    }

    @Test
    void doublesBooleansVerbatimBigNumbers() {
        // As redis-server 7.0.15 answers ZSCORE in RESP2 and RESP3.
        both("$19\r\n0.10000000000000001\r\n", ",0.10000000000000001\r\n", w -> w.doubleValue(0.1));
        both("$5\r\n1e+20\r\n", ",1e+20\r\n", w -> w.doubleValue(1e20));
        both("$3\r\ninf\r\n", ",inf\r\n", w -> w.doubleValue(Double.POSITIVE_INFINITY));
        both("$4\r\n-inf\r\n", ",-inf\r\n", w -> w.doubleValue(Double.NEGATIVE_INFINITY));
        both("$1\r\n3\r\n", ",3\r\n", w -> w.doubleValue(3.0));
        both("$2\r\n-0\r\n", ",-0\r\n", w -> w.doubleValue(-0.0));
        both("$1\r\n0\r\n", ",0\r\n", w -> w.doubleValue(0.0));
        both(":1\r\n", "#t\r\n", w -> w.bool(true));
        both(":0\r\n", "#f\r\n", w -> w.bool(false));
        both("$5\r\nhello\r\n", "=9\r\ntxt:hello\r\n", w -> w.verbatim("txt", "hello".getBytes(UTF_8)));
        both("$0\r\n\r\n", "=4\r\nmkd:\r\n", w -> w.verbatim("mkd", new byte[0]));
        assertEquals("=5\r\nx  :a\r\n", write(3, w -> w.verbatim("x", "a".getBytes(UTF_8))));
        assertEquals("=5\r\nabc:a\r\n", write(3, w -> w.verbatim("abcd", "a".getBytes(UTF_8))));
        both("$20\r\n12345678901234567890\r\n", "(12345678901234567890\r\n", w -> w.bigNumber("12345678901234567890"));
    }

    @Test
    void formatDoubleMatchesCPrintf() {
        // Expected strings printed by glibc's printf("%.17g") (gcc, Debian 12).
        String[][] cases = {
            {"0.1", "0.10000000000000001"},
            {"1.5", "1.5"},
            {"1e20", "1e+20"},
            {"1e-5", "1.0000000000000001e-05"},
            {"123456789012345678", "1.2345678901234568e+17"},
            {"-0.0", "-0"},
            {"3.0", "3"},
            {"0.3333333333333333", "0.33333333333333331"},
            {"4.9E-324", "4.9406564584124654e-324"},
            {"1.7976931348623157E308", "1.7976931348623157e+308"},
            {"100000000000000.125", "100000000000000.12"},
            {"1e17", "1e+17"},
            {"1e16", "10000000000000000"},
            {"12345678901234567", "12345678901234568"},
            {"0.0001", "0.0001"},
            {"123.456", "123.456"},
            {"-2.5", "-2.5"},
            {"1e300", "1.0000000000000001e+300"},
            {"1e-300", "1e-300"},
            {"2.2250738585072014E-308", "2.2250738585072014e-308"},
            {"1e23", "9.9999999999999992e+22"},
            {"1000000000000000.5", "1000000000000000.5"},
            {"4.35", "4.3499999999999996"},
            {"2.675", "2.6749999999999998"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], RespWriter.formatDouble(Double.parseDouble(c[0])), c[0]);
        }
        assertEquals("0.33333333333333331", RespWriter.formatDouble(1 / 3.0));
        assertEquals("inf", RespWriter.formatDouble(Double.POSITIVE_INFINITY));
        assertEquals("-inf", RespWriter.formatDouble(Double.NEGATIVE_INFINITY));
        assertEquals("nan", RespWriter.formatDouble(Double.NaN));
    }

    @Test
    void growsRawAndResets() {
        RespWriter w = new RespWriter(2, 0);
        byte[] big = new byte[100_000];
        w.bulk(big);
        w.raw("+X\r\n".getBytes(ISO_8859_1), 0, 4);
        assertEquals(100_000 + "$100000\r\n".length() + 2 + 4, w.size());
        assertEquals("+X\r\n", new String(w.buffer(), w.size() - 4, 4, ISO_8859_1));
        w.reset();
        assertEquals(0, w.size());
        w.setProtocol(3);
        w.nullBulk();
        assertEquals(3, w.protocol());
        assertEquals("_\r\n", new String(w.buffer(), 0, w.size(), ISO_8859_1));
        assertThrows(IllegalArgumentException.class, () -> w.setProtocol(4));
    }
}
