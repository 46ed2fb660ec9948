package io.pyredis.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CONFIG GET and CONFIG SET as redis-server 7.0.15 answers them, recorded by
 * {@code src/test/record-config-replies.py} into {@code config-replies-redis-7.0.15.json}
 * from a server started without a config file and with {@code --save ''}; pyredis is started
 * the same way (embedded, on a real socket) and must answer:
 *
 * <ul>
 *   <li>{@code CONFIG GET *}: the same names (aliases included, hidden ones left out) with
 *       the same default values, but for {@link #RUN_DEPENDENT};
 *   <li>every recorded CONFIG SET / CONFIG GET, replayed in order: SET's reply byte for
 *       byte (good values, every kind of bad value, immutable and protected parameters,
 *       aliases, several pairs at once); GET's as the same name/value pairs (Redis lists
 *       them in its hash table's order, which is not part of the contract);
 *   <li>{@code CONFIG GET *} once all cases ran: the same values again.
 * </ul>
 */
class ConfigRedisTest {

    /**
     * Values that depend on the machine or the run, not on the implementation: {@code dir}
     * is the server's working directory (a temporary one when recorded), {@code port} the
     * free port each server was started on.
     */
    private static final List<String> RUN_DEPENDENT = List.of("dir", "port");

    private static PyRedisServer server;
    private static RawClient client;
    private static JsonNode recorded;

    @BeforeAll
    static void start() throws IOException {
        // As the recording: no config file, no bind or save given (the builder disables save).
        server = PyRedisServer.builder().set("port", "0").build().start();
        client = new RawClient(server.port());
        try (InputStream in = ConfigRedisTest.class.getResourceAsStream("/config-replies-redis-7.0.15.json")) {
            recorded = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void configGetAllHasRedisNamesAndDefaultsThenTheRecordedSetsAndGetsAnswerAsRedis() throws IOException {
        assertSameAll(recorded.get("defaults"), "defaults");

        List<String> differ = new ArrayList<>();
        int sets = 0;
        for (JsonNode c : recorded.get("cases")) {
            List<String> req = new ArrayList<>();
            c.get("request").forEach(a -> req.add(a.textValue()));
            String theirs = c.get("reply").textValue();
            String mine = client.call(req.toArray(new String[0]));
            boolean isGet = req.size() > 2 && req.get(1).equals("GET") && theirs.startsWith("*");
            if (isGet ? !comparable(pairs(mine)).equals(comparable(pairs(theirs))) : !mine.equals(theirs)) {
                differ.add(String.join(" ", req) + "\n  ours:  " + mine.replace("\r\n", "|")
                        + "\n  redis: " + theirs.replace("\r\n", "|"));
            }
            sets += req.get(1).equals("SET") ? 1 : 0;
        }
        assertTrue(sets > 150, "only " + sets + " CONFIG SET cases");
        assertEquals("", String.join("\n", differ), differ.size() + " replies differ");

        assertSameAll(recorded.get("after"), "after the cases");
    }

    private static void assertSameAll(JsonNode theirs, String when) throws IOException {
        Map<String, String> mine = pairs(client.call("CONFIG", "GET", "*"));
        Map<String, String> expected = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = theirs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            expected.put(e.getKey(), e.getValue().textValue());
        }
        assertEquals(expected.keySet(), mine.keySet(), "CONFIG GET * names, " + when);
        assertEquals(comparable(expected), comparable(mine), "CONFIG GET * values, " + when);
    }

    private static Map<String, String> comparable(Map<String, String> pairs) {
        for (String name : RUN_DEPENDENT) {
            pairs.computeIfPresent(name, (k, v) -> "(run-dependent)");
        }
        return pairs;
    }

    /** The name/value pairs of a RESP2 CONFIG GET reply (an array of bulk strings), sorted by name. */
    private static Map<String, String> pairs(String reply) {
        assertTrue(reply.startsWith("*"), reply);
        List<String> items = new ArrayList<>();
        int pos = reply.indexOf("\r\n") + 2;
        int n = Integer.parseInt(reply.substring(1, pos - 2));
        for (int i = 0; i < n; i++) {
            int eol = reply.indexOf("\r\n", pos);
            int len = Integer.parseInt(reply.substring(pos + 1, eol));
            items.add(reply.substring(eol + 2, eol + 2 + len));
            pos = eol + 2 + len + 2;
        }
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i + 1 < items.size(); i += 2) {
            out.put(items.get(i), items.get(i + 1));
        }
        assertEquals(n, 2 * out.size(), "each name once: " + reply);
        return out;
    }
}
