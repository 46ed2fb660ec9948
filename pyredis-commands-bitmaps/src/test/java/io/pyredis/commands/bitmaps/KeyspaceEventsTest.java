package io.pyredis.commands.bitmaps;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedEvents;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pack's replies, byte for byte, and keyspace events against redis-server 7.0.15's:
 * replays bitmaps-events-redis-7.0.15.tsv (recorded with
 * pyredis-commands-strings/src/test/record-keyspace-events.py). It covers the error texts and
 * their order, negative and BIT ranges, BITPOS past the end, each BITFIELD overflow kind at
 * the i64 and u63 limits, BITOP's empty result deleting, and the strings SETBIT leaves behind
 * (raw encoding, what GET, APPEND, SETRANGE and COPY see).
 */
class KeyspaceEventsTest {

    @Test
    void sameRepliesAndEventsAsRedis() throws IOException {
        Harness h = new Harness();
        List<String> mismatches = RecordedEvents.replay("/bitmaps-events-redis-7.0.15.tsv", h, args -> {
            if (args[0].equals("LPUSH")) {
                h.storeNonString(args[1]); // no list pack here: a list for WRONGTYPE
            } else {
                h.call(args);
            }
        });
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }
}
