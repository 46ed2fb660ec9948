package io.pyredis.commands.bitmaps;

import io.pyredis.testkit.Harness;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bit offsets are bounded by {@code proto-max-bulk-len} (in bytes), read when it matters. */
class LimitsTest {

    private static final String OFFSET = "-ERR bit offset is not an integer or out of range\r\n";

    @Test
    void offsetsStopAtProtoMaxBulkLen() {
        Harness h = new Harness();
        h.config.put("proto-max-bulk-len", "2mb");
        assertEquals(":0\r\n", h.call("SETBIT", "k", String.valueOf(2L * 8 * 1024 * 1024 - 1), "1"));
        assertEquals(":2097152\r\n", h.call("STRLEN", "k"));
        assertEquals(OFFSET, h.call("SETBIT", "k", String.valueOf(2L * 8 * 1024 * 1024), "1"));
        assertEquals(OFFSET, h.call("GETBIT", "k", String.valueOf(2L * 8 * 1024 * 1024)));
        assertEquals(OFFSET, h.call("BITFIELD", "k", "GET", "u8", "#" + 2 * 1024 * 1024));
        assertEquals("*1\r\n:1\r\n", h.call("BITFIELD", "k", "GET", "u1", "#" + (2 * 8 * 1024 * 1024 - 1)));
        // #n times the width may wrap past zero: refused, not a negative offset.
        assertEquals(OFFSET, h.call("BITFIELD", "k", "GET", "i64", "#" + (Long.MAX_VALUE / 32)));
        h.config.put("proto-max-bulk-len", "512mb");
        assertEquals(":0\r\n", h.call("GETBIT", "k", "4294967295"));
        assertEquals(OFFSET, h.call("GETBIT", "k", "4294967296"));
    }
}
