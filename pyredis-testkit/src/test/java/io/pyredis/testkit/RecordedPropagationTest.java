package io.pyredis.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RecordedPropagationTest {

    @Test
    void readsMarkersColumnsAndTimes() throws IOException {
        List<RecordedPropagation> steps = RecordedPropagation.load("/sample-propagation.tsv");
        assertEquals(List.of(
                new RecordedPropagation(3, "SET k v EX 100", false, false, List.of("SET k v PXAT {now+100000}")),
                new RecordedPropagation(4, "SET s a", true, false, List.of()),
                new RecordedPropagation(5, "SET k v NX", false, false, List.of()),
                new RecordedPropagation(6, "SPOP s 2", false, true, List.of("SREM s a", "SREM s b")),
                new RecordedPropagation(7, "SET e \"\"", false, false, List.of("SET e \"\""))), steps);
        assertEquals(List.of("SET k v PXAT 1100000"), steps.get(0).expected(1_000_000));
        assertArrayEquals(new String[] {"SET", "e", ""}, steps.get(4).args());
    }

    @Test
    void formatEscapesWhatWouldSplitAColumnOrAnArgument() {
        byte[][] argv = {b("SET"), b("a b"), b(""), b("x\ty\r\n\\")};
        assertEquals("SET a\\sb \"\" x\\ty\\r\\n\\\\", Harness.format(argv));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
