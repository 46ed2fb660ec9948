package io.pyredis.commands.sortedsets;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replays a scenario of about 300 commands (every command of the pack, their options, bad
 * input and WRONGTYPE) and compares each reply, byte for byte, with what redis-server
 * 7.0.15 replied to the same sequence, in RESP2 and in RESP3.
 */
class RecordedRepliesTest {

    @TestFactory
    List<DynamicTest> sameRepliesAsRedis() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (int proto : new int[] {2, 3}) {
            List<String[]> steps = load(proto);
            tests.add(DynamicTest.dynamicTest("RESP" + proto, () -> {
                Harness h = new SortedSetsHarness();
                if (proto == 3) {
                    h.resp3();
                }
                int line = 0;
                for (String[] step : steps) {
                    line++;
                    assertEquals(step[1], h.call(step[0].split(" ")), "step " + line + ": " + step[0]);
                }
            }));
        }
        return tests;
    }

    private static List<String[]> load(int proto) throws IOException {
        List<String[]> steps = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                RecordedRepliesTest.class.getResourceAsStream("/zset-redis-7.0.15.tsv"));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            int current = 0;
            for (String l; (l = r.readLine()) != null; ) {
                if (l.startsWith("#proto ")) {
                    current = Integer.parseInt(l.substring(7));
                } else if (!l.startsWith("#") && current == proto) {
                    int tab = l.indexOf('\t');
                    steps.add(new String[] {l.substring(0, tab), unescape(l.substring(tab + 1))});
                }
            }
        }
        return steps;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char n = s.charAt(++i);
                b.append(n == 'r' ? '\r' : n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
