package io.pyredis.commands.bitmaps;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedPropagationTests;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pack's propagation checked against Redis 7.0.15 (see {@link RecordedPropagationTests}):
 * a SETBIT or BITFIELD that changes no bit, and a BITOP with nothing to delete, are not
 * recorded.
 */
class PropagationTest extends RecordedPropagationTests {

    @Override
    protected String scenario() {
        return "/bitmaps-propagation-redis-7.0.15.tsv";
    }

    @Test
    void aBitfieldThatOnlyCreatesTheKeyIsRecorded() {
        // Redis creates the key of zeros but records nothing (its dirty counter stays 0),
        // leaving the AOF and replicas without the key; here the key is recorded with it.
        Harness h = new Harness();
        assertEquals("*1\r\n$-1\r\n", h.call("BITFIELD", "k", "OVERFLOW", "FAIL", "SET", "u8", "8", "300"));
        assertEquals(List.of("BITFIELD k OVERFLOW FAIL SET u8 8 300"), h.lastRecorded());
        assertEquals("$2\r\n\0\0\r\n", h.call("GET", "k"));
    }

    @Test
    void unsharingAStringIsNotAChange() {
        Harness h = new Harness();
        h.call("SET", "k", "abc");
        h.call("SETBIT", "k", "1", "1"); // already 1: only the encoding changes, as in Redis
        assertEquals(List.of(), h.lastRecorded());
        assertEquals("$3\r\nraw\r\n", h.call("OBJECT", "ENCODING", "k"));
    }
}
