package io.pyredis.server;

import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SLOWLOG, LATENCY, MONITOR and INFO latencystats over a real socket, with Redis 7.0.15's shapes and texts. */
class IntrospectionTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        try (Jedis j = jedis()) {
            j.configSet("slowlog-log-slower-than", "10000");
            j.configSet("slowlog-max-len", "128");
            j.configSet("latency-monitor-threshold", "0");
            j.configSet("latency-tracking", "yes");
            j.configSet("latency-tracking-info-percentiles", "50 99 99.9");
            j.slowlogReset();
            j.sendCommand(() -> "LATENCY".getBytes(), "RESET");
        }
    }

    private static Jedis jedis() {
        return new Jedis("127.0.0.1", server.port());
    }

    @Test
    void slowlogEntriesTruncatedAndRedacted() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            assertEquals("+OK\r\n", c.call("CONFIG", "SET", "slowlog-log-slower-than", "0"));
            assertEquals("+OK\r\n", c.call("CLIENT", "SETNAME", "me"));
            String[] many = new String[41];
            many[0] = "MSET";
            for (int i = 1; i < many.length; i++) {
                many[i] = (i % 2 == 1 ? "k" : "v") + i;
            }
            c.call(many);
            c.call("SET", "k", "x".repeat(200));
            c.call("AUTH", "user", "secret");
            String get = c.call("SLOWLOG", "GET", "3");
            // Newest first: AUTH with both arguments redacted, then the cut SET, then MSET's 32 arguments.
            Matcher m = Pattern.compile("\\*3\\r\\n"
                    + "\\*6\\r\\n:(\\d+)\\r\\n:\\d+\\r\\n:\\d+\\r\\n\\*3\\r\\n\\$4\\r\\nAUTH\\r\\n\\$10\\r\\n\\(redacted\\)\\r\\n"
                    + "\\$10\\r\\n\\(redacted\\)\\r\\n\\$15\\r\\n127\\.0\\.0\\.1:\\d+\\r\\n\\$2\\r\\nme\\r\\n"
                    + "\\*6\\r\\n:(\\d+)\\r\\n:\\d+\\r\\n:\\d+\\r\\n\\*3\\r\\n\\$3\\r\\nSET\\r\\n\\$1\\r\\nk\\r\\n"
                    + "\\$147\\r\\nx{128}\\.\\.\\. \\(72 more bytes\\)\\r\\n\\$15\\r\\n[0-9.:]+\\r\\n\\$2\\r\\nme\\r\\n"
                    + "\\*6\\r\\n:(\\d+)\\r\\n:\\d+\\r\\n:\\d+\\r\\n\\*32\\r\\n\\$4\\r\\nMSET\\r\\n(?:\\$\\d\\r\\n[kv]\\d+\\r\\n){30}"
                    + "\\$23\\r\\n\\.\\.\\. \\(10 more arguments\\)\\r\\n\\$15\\r\\n[0-9.:]+\\r\\n\\$2\\r\\nme\\r\\n")
                    .matcher(get);
            assertTrue(m.matches(), get);
            long auth = Long.parseLong(m.group(1));
            assertEquals(auth - 1, Long.parseLong(m.group(2)));
            assertEquals(auth - 2, Long.parseLong(m.group(3)));
            // CONFIG SET's sensitive values too, even when the call fails on another pair.
            c.call("CONFIG", "SET", "requirepass", "s3cret", "nosuch", "x");
            assertTrue(c.call("SLOWLOG", "GET", "1").contains(
                    "$6\r\nCONFIG\r\n$3\r\nSET\r\n$11\r\nrequirepass\r\n$10\r\n(redacted)\r\n$6\r\nnosuch\r\n$1\r\nx\r\n"));
            assertEquals("-ERR count should be greater than or equal to -1\r\n", c.call("SLOWLOG", "GET", "-2"));
            assertEquals("-ERR count should be greater than or equal to -1\r\n", c.call("SLOWLOG", "GET", "x"));
            assertEquals("-ERR unknown subcommand or wrong number of arguments for 'get'. Try SLOWLOG HELP.\r\n",
                    c.call("SLOWLOG", "get", "1", "2"));
            c.call("CONFIG", "SET", "slowlog-log-slower-than", "-1");
            String len = c.call("SLOWLOG", "LEN").substring(1);
            assertTrue(c.call("SLOWLOG", "GET", "-1").startsWith("*" + len), len);
        }
    }

    @Test
    void slowlogThresholdLengthAndReset() throws Exception {
        try (Jedis j = jedis()) {
            j.configSet("slowlog-log-slower-than", "-1");
            j.set("a", "1");
            assertEquals(0, j.slowlogLen());
            j.configSet("slowlog-log-slower-than", "0");
            j.configSet("slowlog-max-len", "3");
            for (int i = 0; i < 10; i++) {
                j.set("a", "1");
            }
            assertEquals(3, j.slowlogLen());
            assertEquals("OK", j.slowlogReset());
            // SLOWLOG RESET itself is logged after the log is emptied.
            assertEquals(1, j.slowlogLen());
            j.configSet("slowlog-log-slower-than", "100000000");
            j.set("a", "1");
            // The LEN before and this CONFIG SET (judged by the threshold it set) are not: RESET and LEN are.
            assertEquals(2, j.slowlogLen());
        }
    }

    @Test
    void slowlogLogsExecedCommandsAndExec() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.call("CONFIG", "SET", "slowlog-log-slower-than", "0");
            c.call("SLOWLOG", "RESET");
            c.send(command("MULTI") + command("SET", "t", "1") + command("INCR", "t") + command("EXEC"));
            c.readLike("+OK\r\n+QUEUED\r\n+QUEUED\r\n*2\r\n+OK\r\n:2\r\n");
            List<String> names = commandNames(c.call("SLOWLOG", "GET", "-1"));
            // Newest first: the commands EXEC ran, not EXEC (no-slowlog), and MULTI.
            assertEquals(List.of("INCR", "SET", "MULTI", "SLOWLOG"), names);
        }
    }

    /** The first argument of each entry of a SLOWLOG GET reply. */
    private static List<String> commandNames(String reply) {
        Matcher m = Pattern.compile("\\*6\\r\\n:\\d+\\r\\n:\\d+\\r\\n:\\d+\\r\\n\\*\\d+\\r\\n\\$\\d+\\r\\n([^\\r]+)\\r\\n")
                .matcher(reply);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void latencyHistogramCountsCallsInPowerOfTwoBuckets() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.call("CONFIG", "RESETSTAT");
            for (int i = 0; i < 5; i++) {
                c.call("SET", "h", "1");
            }
            c.call("HELLO", "3");
            String h = c.call("LATENCY", "HISTOGRAM", "set", "nosuchcommand");
            Matcher m = Pattern.compile("%1\\r\\n\\$3\\r\\nset\\r\\n%2\\r\\n\\$5\\r\\ncalls\\r\\n:5\\r\\n"
                    + "\\$14\\r\\nhistogram_usec\\r\\n%(\\d+)\\r\\n((?::\\d+\\r\\n:\\d+\\r\\n)+)").matcher(h);
            assertTrue(m.matches(), h);
            String[] nums = m.group(2).replace(":", "").split("\\r\\n");
            assertEquals(Integer.parseInt(m.group(1)) * 2, nums.length);
            long prevCount = 0;
            long prevBucket = -1;
            for (int i = 0; i < nums.length; i += 2) {
                long bucket = Long.parseLong(nums[i]);
                long count = Long.parseLong(nums[i + 1]);
                assertTrue(bucket > prevBucket && count > prevCount, h);
                // hdr_histogram's base-2 steps from 1024 ns: 1, 2, 4, 8, 16, 33, 66, 132, ... us.
                assertTrue(List.of(1L, 2L, 4L, 8L, 16L, 33L, 66L, 132L, 264L, 528L, 1056L, 2113L, 4227L, 8454L,
                        16908L, 33816L, 67633L, 135266L, 270532L, 541065L, 1082130L).contains(bucket), h);
                prevBucket = bucket;
                prevCount = count;
            }
            assertEquals(5, prevCount);
            String info = c.call("INFO", "latencystats");
            assertTrue(Pattern.compile("(?s).*\\r\\nlatency_percentiles_usec_set:p50=\\d+\\.\\d{3},p99=\\d+\\.\\d{3},"
                    + "p99\\.9=\\d+\\.\\d{3}\\r\\n.*").matcher(info).matches(), info);
            assertTrue(info.contains("latency_percentiles_usec_config|resetstat:"), info);
            c.call("CONFIG", "SET", "latency-tracking-info-percentiles", "0 100");
            assertTrue(c.call("INFO", "latencystats").contains("latency_percentiles_usec_set:p0="), info);
            assertEquals("-ERR CONFIG SET failed (possibly related to argument 'latency-tracking-info-percentiles') "
                    + "- latency-tracking-info-percentiles parameters should sit between [0.0,100.0]\r\n",
                    c.call("CONFIG", "SET", "latency-tracking-info-percentiles", "101"));
            c.call("CONFIG", "SET", "latency-tracking", "no");
            c.call("SET", "h", "2");
            assertTrue(c.call("LATENCY", "HISTOGRAM", "set").contains(":5\r\n$14\r\nhistogram_usec"));
        }
    }

    @Test
    void latencyEventsAboveThreshold() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            assertTrue(c.call("LATENCY", "DOCTOR").contains("Latency monitoring is disabled"));
            c.call("CONFIG", "SET", "latency-monitor-threshold", "1");
            c.call("CONFIG", "SET", "slowlog-log-slower-than", "1000");
            c.call("SLOWLOG", "RESET");
            // A command long enough to take a millisecond: the slow log says when one did.
            for (int n = 2000; c.call("SLOWLOG", "LEN").equals(":0\r\n"); n *= 2) {
                String[] big = new String[2 * n + 1];
                big[0] = "MSET";
                for (int i = 1; i < big.length; i++) {
                    big[i] = "m" + (i / 2) + "-" + n;
                }
                assertEquals("+OK\r\n", c.call(big));
            }
            String latest = c.call("LATENCY", "LATEST");
            assertTrue(Pattern.compile("\\*1\\r\\n\\*4\\r\\n\\$7\\r\\ncommand\\r\\n:\\d{10}\\r\\n:(\\d+)\\r\\n:(\\d+)\\r\\n")
                    .matcher(latest).matches(), latest);
            assertTrue(c.call("LATENCY", "HISTORY", "command").matches("\\*\\d+\\r\\n(\\*2\\r\\n:\\d+\\r\\n:\\d+\\r\\n)+"));
            assertEquals("*0\r\n", c.call("LATENCY", "HISTORY", "nothing"));
            assertTrue(c.call("LATENCY", "GRAPH", "command").contains("command - high "));
            assertEquals("-ERR No samples available for event 'nothing'\r\n", c.call("LATENCY", "GRAPH", "nothing"));
            assertTrue(c.call("LATENCY", "DOCTOR").contains("1. command: "));
            assertEquals(":1\r\n", c.call("LATENCY", "RESET", "command", "nothing"));
            assertEquals("*0\r\n", c.call("LATENCY", "LATEST"));
        }
    }

    private static final Pattern MONITOR_LINE = Pattern.compile("\\+\\d{10}\\.\\d{6} \\[(\\d+) 127\\.0\\.0\\.1:\\d+\\] (.*)\\r\\n");

    @Test
    void monitorStreamsCommandsAsRedisDoes() throws Exception {
        try (RawClient m = new RawClient(server.port()); RawClient c = new RawClient(server.port())) {
            assertEquals("+OK\r\n", m.call("MONITOR"));
            c.call("SELECT", "2");
            c.call("SET", "k", "a \"b\"\n\u0001");
            c.call("CONFIG", "GET", "hz"); // admin: not shown
            c.call("AUTH", "x");
            c.send(command("MULTI") + command("SET", "m", "1") + command("EXEC"));
            c.readLike("+OK\r\n+QUEUED\r\n*1\r\n+OK\r\n");
            c.send(command("MULTI") + command("NOSUCH") + command("EXEC"));
            c.readReply();
            c.readReply();
            c.readReply();
            c.call("PING");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                Matcher x = MONITOR_LINE.matcher(m.readUntil("\r\n"));
                assertTrue(x.matches());
                lines.add(x.group(1) + " " + x.group(2));
            }
            assertEquals(List.of("0 \"SELECT\" \"2\"", "2 \"SET\" \"k\" \"a \\\"b\\\"\\n\\x01\"", "2 \"AUTH\" \"(redacted)\"",
                    "2 \"MULTI\"", "2 \"SET\" \"m\" \"1\"", "2 \"EXEC\"", "2 \"MULTI\"", "2 \"EXEC\"", "2 \"PING\""), lines);
            // A monitor is a replica to Redis: keyspace commands are refused, PING is not.
            m.send(command("GET", "k") + command("PING"));
            String refused = "-ERR Replica can't interact with the keyspace\r\n+PONG\r\n";
            assertEquals(refused, m.readLike(refused));
            m.readUntil("\r\n"); // the PING's own line
            // RESET ends MONITOR mode.
            assertEquals("+RESET\r\n", m.call("RESET"));
            assertTrue(m.call("CLIENT", "INFO").contains(" flags=N "));
            c.call("PING");
            assertEquals("$0\r\n\r\n", m.call("ECHO", ""), "no monitor line came before the reply");
        }
    }
}
