package io.pyredis.commands.geo;

import io.pyredis.server.PyRedisServer;
import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the geo scenario of {@code record-geo-replies.py} (cities near the poles and the
 * antimeridian, ties in distance, thousands of random points in both encodings, random
 * GEOSEARCH and GEORADIUS queries with every option, the STORE forms, errors, WRONGTYPE)
 * against a real server over a socket, and compares every reply byte for byte with what
 * redis-server 7.0.15 replied, in RESP2 and in RESP3.
 */
class GeoRepliesRedisTest {

    private static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    List<DynamicTest> sameRepliesAsRedis() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (int proto : new int[] {2, 3}) {
            List<String[]> steps = load(proto);
            tests.add(DynamicTest.dynamicTest("RESP" + proto, () -> {
                assertTrue(steps.size() > 800, "only " + steps.size() + " steps");
                try (RawClient c = new RawClient(server.port())) {
                    c.call("FLUSHALL");
                    if (proto == 3) {
                        c.call("HELLO", "3");
                    }
                    int line = 0;
                    for (String[] step : steps) {
                        line++;
                        assertEquals(step[1], c.call(step[0].split(" ")), "step " + line + ": " + step[0]);
                    }
                }
            }));
        }
        return tests;
    }

    private static List<String[]> load(int proto) throws IOException {
        List<String[]> steps = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                GeoRepliesRedisTest.class.getResourceAsStream("/geo-redis-7.0.15.tsv"));
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
        StringBuilder b = new StringBuilder(s.length());
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
