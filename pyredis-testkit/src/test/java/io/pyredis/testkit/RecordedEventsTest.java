package io.pyredis.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecordedEventsTest {

    @Test
    void readsMarkersEscapesAndEvents() throws IOException {
        List<RecordedEvents> steps = RecordedEvents.load("/sample-events.tsv");
        assertEquals(List.of(
                new RecordedEvents(3, "LPUSH l a", true, false, ":1\r\n", List.of("l:lpush:l")),
                new RecordedEvents(4, "SPOP s", false, true, "$1\r\nx\r\n", List.of("s:spop:s", "g:del:s")),
                new RecordedEvents(5, "SET k ", false, false, "+OK\r\n", List.of("$:set:k"))), steps);
        assertArrayEquals(new String[] {"SET", "k", ""}, steps.get(2).args(), "\"\" is an empty argument");
    }

    @Test
    void namesAMissingResource() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> RecordedEvents.load("/none.tsv"));
        assertEquals("/none.tsv", e.getMessage());
    }
}
