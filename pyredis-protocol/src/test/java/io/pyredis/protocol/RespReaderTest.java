package io.pyredis.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RespReaderTest {

    private static RespValue.BulkString bulk(String s) {
        return RespValue.BulkString.of(s);
    }

    /** Everything in {@code input}, fed whole, and asserted the same when fed byte by byte and by stream. */
    private static List<RespValue> readAll(byte[] input) throws Exception {
        RespReader whole = new RespReader();
        whole.feed(input);
        List<RespValue> out = new ArrayList<>();
        for (RespValue v; (v = whole.next()) != null; ) {
            out.add(v);
        }
        RespReader bytewise = new RespReader();
        List<RespValue> out2 = new ArrayList<>();
        for (byte b : input) {
            bytewise.feed(new byte[] {b});
            for (RespValue v; (v = bytewise.next()) != null; ) {
                out2.add(v);
            }
        }
        assertEquals(out, out2, "byte by byte");
        RespReader stream = new RespReader(new ByteArrayInputStream(input));
        List<RespValue> out3 = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            out3.add(stream.read());
        }
        assertEquals(out, out3, "stream");
        assertThrows(EOFException.class, stream::read);
        return out;
    }

    private static List<RespValue> readAll(String input) throws Exception {
        return readAll(input.getBytes(ISO_8859_1));
    }

    @Test
    void resp2Types() throws Exception {
        assertEquals(List.of(
                new RespValue.SimpleString("OK"),
                new RespValue.Error("ERR syntax error"),
                new RespValue.Integer(-42),
                bulk("a\r\nb"),
                bulk(""),
                RespValue.Null.BULK,
                RespValue.Null.ARRAY,
                new RespValue.Array(List.of()),
                new RespValue.Array(List.of(bulk("x"), new RespValue.Array(List.of(new RespValue.Integer(1)))))),
                readAll("+OK\r\n-ERR syntax error\r\n:-42\r\n$4\r\na\r\nb\r\n$0\r\n\r\n$-1\r\n*-1\r\n*0\r\n"
                        + "*2\r\n$1\r\nx\r\n*1\r\n:1\r\n"));
    }

    @Test
    void resp3Types() throws Exception {
        List<RespValue> v = readAll("_\r\n#t\r\n#f\r\n,1.5\r\n,inf\r\n,-inf\r\n(123456789012345678901234567890\r\n"
                + "=9\r\ntxt:hello\r\n!10\r\nERR broken\r\n%2\r\n$1\r\nk\r\n:1\r\n+j\r\n_\r\n~2\r\n:1\r\n:2\r\n"
                + ">2\r\n+message\r\n$2\r\nhi\r\n%0\r\n");
        assertEquals(List.of(
                RespValue.Null.RESP3,
                new RespValue.Boolean(true),
                new RespValue.Boolean(false),
                new RespValue.Double(1.5),
                new RespValue.Double(Double.POSITIVE_INFINITY),
                new RespValue.Double(Double.NEGATIVE_INFINITY),
                new RespValue.BigNumber(new BigInteger("123456789012345678901234567890")),
                new RespValue.Verbatim("txt", "hello".getBytes(UTF_8)),
                new RespValue.Error("ERR broken"),
                new RespValue.Map(List.of(Map.entry(bulk("k"), new RespValue.Integer(1)),
                        Map.entry(new RespValue.SimpleString("j"), RespValue.Null.RESP3))),
                new RespValue.Set(List.of(new RespValue.Integer(1), new RespValue.Integer(2))),
                new RespValue.Push(List.of(new RespValue.SimpleString("message"), bulk("hi"))),
                new RespValue.Map(List.of())), v);
        assertEquals(new RespValue.Integer(1), ((RespValue.Map) v.get(9)).get("k"));
        assertTrue(Double.isNaN(((RespValue.Double) readAll(",nan\r\n").get(0)).value()));
    }

    @Test
    void attributesWrapTheValueAfterThem() throws Exception {
        List<RespValue> v = readAll("|1\r\n+ttl\r\n:3\r\n*2\r\n|1\r\n+a\r\n+b\r\n:1\r\n:2\r\n:9\r\n");
        RespValue.Attribute top = (RespValue.Attribute) v.get(0);
        assertEquals(List.of(Map.entry(new RespValue.SimpleString("ttl"), new RespValue.Integer(3))), top.attributes());
        RespValue.Array arr = (RespValue.Array) top.value();
        assertEquals(new RespValue.Attribute(List.of(Map.entry(new RespValue.SimpleString("a"),
                new RespValue.SimpleString("b"))), new RespValue.Integer(1)), arr.elements().get(0));
        assertEquals(new RespValue.Integer(2), arr.elements().get(1));
        assertEquals(new RespValue.Integer(9), v.get(1));
    }

    @Test
    void roundTripsWhatTheWriterWrites() throws Exception {
        for (int protocol : new int[] {2, 3}) {
            RespWriter w = new RespWriter(protocol);
            w.array(12);
            w.ok();
            w.error("ERR x");
            w.integer(Long.MIN_VALUE);
            w.bulk(new byte[] {0, '\r', '\n', (byte) 0xff});
            w.nullBulk();
            w.nullArray();
            w.map(1);
            w.bulk("k");
            w.doubleValue(0.1);
            w.set(1);
            w.bool(true);
            w.push(0);
            w.verbatim("txt", "v".getBytes(UTF_8));
            w.bigNumber("-99999999999999999999");
            w.doubleValue(-1e-7);
            byte[] bytes = java.util.Arrays.copyOf(w.buffer(), w.size());
            List<RespValue> v = readAll(bytes);
            assertEquals(1, v.size());
            List<RespValue> e = ((RespValue.Array) v.get(0)).elements();
            assertEquals(12, e.size());
            assertEquals(new RespValue.SimpleString("OK"), e.get(0));
            assertEquals(new RespValue.Error("ERR x"), e.get(1));
            assertEquals(new RespValue.Integer(Long.MIN_VALUE), e.get(2));
            assertEquals(new RespValue.BulkString(new byte[] {0, '\r', '\n', (byte) 0xff}), e.get(3));
            if (protocol == 2) {
                assertEquals(RespValue.Null.BULK, e.get(4));
                assertEquals(RespValue.Null.ARRAY, e.get(5));
                assertEquals(new RespValue.Array(List.of(bulk("k"), bulk("0.10000000000000001"))), e.get(6));
                assertEquals(new RespValue.Array(List.of(new RespValue.Integer(1))), e.get(7));
                assertEquals(new RespValue.Array(List.of()), e.get(8));
                assertEquals(bulk("v"), e.get(9));
                assertEquals(bulk("-99999999999999999999"), e.get(10));
                assertEquals(bulk("-9.9999999999999995e-08"), e.get(11));
            } else {
                assertEquals(RespValue.Null.RESP3, e.get(4));
                assertEquals(RespValue.Null.RESP3, e.get(5));
                assertEquals(new RespValue.Map(List.of(Map.entry(bulk("k"), new RespValue.Double(0.1)))), e.get(6));
                assertEquals(new RespValue.Set(List.of(new RespValue.Boolean(true))), e.get(7));
                assertEquals(new RespValue.Push(List.of()), e.get(8));
                assertEquals(new RespValue.Verbatim("txt", "v".getBytes(UTF_8)), e.get(9));
                assertEquals(new RespValue.BigNumber(new BigInteger("-99999999999999999999")), e.get(10));
                assertEquals(new RespValue.Double(-1e-7), e.get(11));
            }
        }
    }

    @Test
    void incompleteInputWaits() throws Exception {
        RespReader r = new RespReader();
        r.feed("*2\r\n$5\r\nhel".getBytes(ISO_8859_1));
        assertNull(r.next());
        r.feed("lo\r\n:".getBytes(ISO_8859_1));
        assertNull(r.next());
        r.feed("7\r\n+next\r".getBytes(ISO_8859_1));
        assertEquals(new RespValue.Array(List.of(bulk("hello"), new RespValue.Integer(7))), r.next());
        assertNull(r.next());
        r.feed("\n".getBytes(ISO_8859_1));
        assertEquals(new RespValue.SimpleString("next"), r.next());
    }

    @Test
    void hugeDeclaredLengthsDoNotAllocateUpFront() throws Exception {
        RespReader r = new RespReader();
        r.feed("*2147483647\r\n$2147483000\r\nabc".getBytes(ISO_8859_1));
        assertNull(r.next());
        RespReader s = new RespReader(new ByteArrayInputStream("$1000000000\r\nabc".getBytes(ISO_8859_1)));
        assertThrows(EOFException.class, s::read);
    }

    @Test
    void malformedInput() {
        for (String bad : new String[] {"?x\r\n", "$-2\r\n", ":12a\r\n", "*-2\r\n", "#x\r\n", ",abc\r\n", "=3\r\ntxt\r\n"}) {
            RespReader r = new RespReader();
            r.feed(bad.getBytes(ISO_8859_1));
            assertThrows(ProtocolException.class, r::next, bad);
        }
        RespReader r = new RespReader();
        r.feed("@\r\n".getBytes(ISO_8859_1));
        assertEquals("Protocol error, got \"@\" as reply type byte",
                assertThrows(ProtocolException.class, r::next).getMessage());
    }
}
