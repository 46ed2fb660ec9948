package io.pyredis.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON config file, the builder and command-line overrides: values and one-line errors. */
class ConfigTest {

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        Path f = dir.resolve("pyredis.json");
        Files.writeString(f, json);
        return f;
    }

    private String error(String json) throws IOException {
        Path f = file(json);
        return assertThrows(IllegalArgumentException.class,
                () -> PyRedisServer.builder().configFile(f).build()).getMessage();
    }

    @Test
    void shippedDefaultConfigIsValidAndHoldsRedisDefaults() {
        Path shipped = Path.of("..", "config", "pyredis.json");
        PyRedisServer s = PyRedisServer.builder().configFile(shipped).build();
        assertEquals("6379", s.config("port"));
        assertEquals("127.0.0.1 -::1", s.config("bind"));
        assertEquals("536870912", s.config("proto-max-bulk-len"));
        assertEquals("1073741824", s.config("client-query-buffer-limit"));
        assertEquals("yes", s.config("protected-mode"));
        assertEquals("16", s.config("databases"));
        assertEquals("notice", s.config("loglevel"));
        assertEquals("", s.config("requirepass"));
    }

    @Test
    void unknownKeyNamesKeyAndFile() throws IOException {
        assertEquals("Bad config in " + dir.resolve("pyredis.json") + ": unknown key 'prot'",
                error("{\"prot\": 6380}"));
    }

    @Test
    void wrongTypeNamesKeyAndFile() throws IOException {
        assertEquals("Bad config in " + dir.resolve("pyredis.json")
                + ": 'port' argument couldn't be parsed into an integer, got \"abc\"", error("{\"port\": \"abc\"}"));
        assertEquals("Bad config in " + dir.resolve("pyredis.json")
                + ": 'protected-mode' argument must be 'yes' or 'no', got 1",
                error("{\"protected-mode\": 1}"));
        assertEquals("Bad config in " + dir.resolve("pyredis.json")
                + ": 'loglevel' argument(s) must be one of the following: debug, verbose, notice, warning, got \"loud\"",
                error("{\"loglevel\": \"loud\"}"));
    }

    @Test
    void outOfRangeNamesKeyAndFile() throws IOException {
        assertEquals("Bad config in " + dir.resolve("pyredis.json")
                + ": 'port' argument must be between 0 and 65535 inclusive, got 70000", error("{\"port\": 70000}"));
        assertEquals("Bad config in " + dir.resolve("pyredis.json")
                + ": 'maxmemory-policy' argument(s) must be one of the following: volatile-lru, volatile-lfu, "
                + "volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction, got \"lru\"",
                error("{\"maxmemory-policy\": \"lru\"}"));
        assertEquals("Bad config in " + dir.resolve("pyredis.json")
                + ": 'maxmemory' argument must be a memory value, got \"1.5gb\"", error("{\"maxmemory\": \"1.5gb\"}"));
        // Redis 7.2's listpack sets are not in 7.0.
        assertEquals("Bad config in " + dir.resolve("pyredis.json") + ": unknown key 'set-max-listpack-entries'",
                error("{\"set-max-listpack-entries\": 128}"));
    }

    @Test
    void invalidJsonIsOneLine() throws IOException {
        String m = error("{\"port\": 6379,,}");
        assertEquals(1, m.lines().count(), m);
        assertEquals(true, m.startsWith("Bad config in " + dir.resolve("pyredis.json") + ": not valid JSON at line 1"), m);
        String dup = error("{\"port\": 1, \"port\": 2}");
        assertTrue(dup.startsWith("Bad config in " + dir.resolve("pyredis.json") + ": not valid JSON at line 1"), dup);
        assertTrue(dup.endsWith("Duplicate field 'port'"), dup);
    }

    @Test
    void redisConfStyleValuesAreAccepted() throws IOException {
        Path f = file("{\"protected-mode\": \"no\", \"proto-max-bulk-len\": \"2mb\", "
                + "\"client-query-buffer-limit\": \"2000k\", \"bind\": \"127.0.0.1 ::1\", "
                + "\"port\": \"6380\", \"requirepass\": null}");
        PyRedisServer s = PyRedisServer.builder().configFile(f).build();
        assertEquals("no", s.config("protected-mode"));
        assertEquals("2097152", s.config("proto-max-bulk-len"));
        assertEquals("2000000", s.config("client-query-buffer-limit"));
        assertEquals("127.0.0.1 ::1", s.config("bind"));
        assertEquals("6380", s.config("port"));
        assertEquals("", s.config("requirepass"));
    }

    @Test
    void builderOverridesTheFile() throws IOException {
        Path f = file("{\"port\": 7000, \"hz\": 20}");
        PyRedisServer s = PyRedisServer.builder().configFile(f).set("port", "7001").build();
        assertEquals("7001", s.config("port"));
        assertEquals("20", s.config("hz"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PyRedisServer.builder().set("maxclients", "0").build());
        assertEquals("Bad config in PyRedisServer.builder(): 'maxclients' argument must be between 1 and 4294967295 "
                + "inclusive, got \"0\"",
                e.getMessage());
    }

    @Test
    void commandLineOverridesAsRedisServer() throws Exception {
        Path f = file("{\"port\": 7000, \"databases\": 4}");
        PyRedisServer s = Main.parse(new String[] {"--config", f.toString(), "--port", "6380",
                "--bind", "127.0.0.1", "::1", "--protected-mode", "no"}).build();
        assertEquals("6380", s.config("port"));
        assertEquals("4", s.config("databases"));
        assertEquals("127.0.0.1 ::1", s.config("bind"));
        assertEquals("no", s.config("protected-mode"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--config", f.toString(), "--port", "abc"}).build());
        assertEquals("Bad config in the command line: 'port' argument couldn't be parsed into an integer, got \"abc\"",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--config", f.toString(), "--nope", "1"}).build());
        assertEquals("Bad config in the command line: unknown key 'nope'", e.getMessage());
    }

    @Test
    void mainExitsWithOneForABadConfig() throws IOException {
        Path f = file("{\"port\": \"abc\"}");
        assertEquals(1, Main.run(new String[] {"--config", f.toString()}));
        assertEquals(1, Main.run(new String[] {"--config", dir.resolve("missing.json").toString()}));
    }
}
