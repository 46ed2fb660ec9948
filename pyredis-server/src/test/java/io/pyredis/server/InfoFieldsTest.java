package io.pyredis.server;

import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * INFO against what redis-server 7.0.15 shows (recorded by record-info-fields.sh into
 * info-fields-redis-7.0.15.txt): the sections each selector gives, in order, and every
 * field of every section, in Redis's order (pyredis's own extra fields aside).
 */
class InfoFieldsTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final Map<String, String> HEADERS = new LinkedHashMap<>();
    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                InfoFieldsTest.class.getResourceAsStream("/info-fields-redis-7.0.15.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#:")) {
                    continue;
                }
                String[] t = line.split("\t", -1);
                if (t[0].startsWith("headers ")) {
                    HEADERS.put(t[0].substring(8), t[1]);
                } else {
                    FIELDS.computeIfAbsent(t[0], k -> new ArrayList<>()).add(t[1]);
                }
            }
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static String headers(String info) {
        StringBuilder sb = new StringBuilder();
        for (String l : info.split("\r\n")) {
            if (l.startsWith("# ")) {
                sb.append(sb.length() == 0 ? "" : " ").append(l.substring(2));
            }
        }
        return sb.toString();
    }

    @Test
    void usedMemoryRssIsTheProcessResidentSet() throws Exception {
        java.nio.file.Path status = java.nio.file.Path.of("/proc/self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(status), "needs Linux's /proc");
        try (RawClient c = new RawClient(server.port())) {
            String info = c.call("INFO", "memory");
            long reported = Long.parseLong(info.replaceAll("(?s).*\r\nused_memory_rss:(\\d+)\r\n.*", "$1"));
            long kb = 0;
            for (String line : java.nio.file.Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            // The server runs in this JVM: the same process, read a moment apart.
            long actual = kb * 1024;
            org.junit.jupiter.api.Assertions.assertTrue(Math.abs(reported - actual) < actual / 5,
                    "used_memory_rss " + reported + ", VmRSS " + actual);
            org.junit.jupiter.api.Assertions.assertNotEquals(Runtime.getRuntime().totalMemory(), reported);
        }
    }

    @Test
    void sectionSelectorsGiveRedisSections() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            for (Map.Entry<String, String> e : HEADERS.entrySet()) {
                List<String> args = new ArrayList<>(List.of("INFO"));
                if (!e.getKey().isEmpty()) {
                    args.addAll(List.of(e.getKey().split(" ")));
                }
                assertEquals(e.getValue(), headers(c.call(args.toArray(new String[0]))), "INFO " + e.getKey());
            }
        }
    }

    @Test
    void everySectionHasRedisFieldsInRedisOrder() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String reply = c.call("INFO", "everything");
            Map<String, List<String>> ours = new LinkedHashMap<>();
            String section = null;
            for (String l : reply.split("\r\n")) {
                if (l.startsWith("# ")) {
                    section = l.substring(2).toLowerCase(java.util.Locale.ROOT);
                    ours.put(section, new ArrayList<>());
                } else if (section != null && l.indexOf(':') > 0) {
                    ours.get(section).add(l.substring(0, l.indexOf(':')));
                }
            }
            for (Map.Entry<String, List<String>> e : FIELDS.entrySet()) {
                List<String> mine = new ArrayList<>(ours.getOrDefault(e.getKey(), List.of()));
                mine.retainAll(e.getValue());
                assertEquals(e.getValue(), mine, "fields of # " + e.getKey());
            }
        }
    }
}
