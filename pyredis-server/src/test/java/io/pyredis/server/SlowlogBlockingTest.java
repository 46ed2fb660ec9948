package io.pyredis.server;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.SpiVersion;
import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slow log and LATENCY HISTOGRAM of a blocking command (BlockingTest's WAITFOR): logged
 * once, when served or timed out, not when it blocks; MONITOR shows it once, when it blocks.
 */
class SlowlogBlockingTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        CommandPack pack = new CommandPack() {
            @Override
            public String name() {
                return "blocking-test";
            }

            @Override
            public int spiVersion() {
                return SpiVersion.CURRENT;
            }

            @Override
            public List<Command> commands() {
                return List.of(new BlockingTest.WaitForCommand());
            }
        };
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").addPack(pack).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void awaitBlocked(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.blockedClients() != n && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(n, server.blockedClients());
    }

    @Test
    void blockedCommandLoggedWhenServedOrTimedOut() throws Exception {
        try (RawClient admin = new RawClient(server.port()); RawClient waiter = new RawClient(server.port());
             RawClient monitor = new RawClient(server.port())) {
            admin.call("CONFIG", "SET", "slowlog-log-slower-than", "0");
            admin.call("CONFIG", "RESETSTAT");
            assertEquals("+OK\r\n", monitor.call("MONITOR"));
            admin.call("SLOWLOG", "RESET");
            waiter.send(command("WAITFOR", "w", "0"));
            awaitBlocked(1);
            assertEquals(List.of("SLOWLOG"), names(admin.call("SLOWLOG", "GET")), "not logged while it waits");
            admin.call("SET", "w", "go");
            assertEquals("$2\r\ngo\r\n", waiter.readReply());
            waiter.send(command("WAITFOR", "never", "30"));
            waiter.readReply();
            // Newest first: the timed-out WAITFOR, the served one (after the SET that served it).
            assertEquals(List.of("WAITFOR", "WAITFOR", "SET", "SLOWLOG", "SLOWLOG"), names(admin.call("SLOWLOG", "GET")));
            assertTrue(admin.call("LATENCY", "HISTOGRAM", "waitfor").contains("calls\r\n:2\r\n"));
            List<String> fed = new ArrayList<>();
            // SLOWLOG and LATENCY are admin commands, which MONITOR does not show.
            for (int i = 0; i < 3; i++) {
                String line = monitor.readUntil("\r\n");
                fed.add(line.substring(line.indexOf(']') + 2, line.length() - 2));
            }
            assertEquals(List.of("\"WAITFOR\" \"w\" \"0\"", "\"SET\" \"w\" \"go\"", "\"WAITFOR\" \"never\" \"30\""),
                    fed);
        }
    }

    @Test
    void clientUnblockErrorCountsAFailedCall() throws Exception {
        try (RawClient admin = new RawClient(server.port()); RawClient waiter = new RawClient(server.port())) {
            admin.call("CONFIG", "RESETSTAT");
            admin.call("CONFIG", "SET", "slowlog-log-slower-than", "0");
            admin.call("SLOWLOG", "RESET");
            String id = waiter.call("CLIENT", "ID").substring(1).trim();
            waiter.send(command("WAITFOR", "u2", "0"));
            awaitBlocked(1);
            assertEquals(":1\r\n", admin.call("CLIENT", "UNBLOCK", id, "ERROR"));
            assertEquals("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n", waiter.readReply());
            String info = admin.call("INFO", "commandstats");
            // As Redis's updateStatsOnUnblock(..., had_errors=1).
            assertTrue(Pattern.compile("(?s).*cmdstat_waitfor:calls=1,usec=\\d+,usec_per_call=[0-9.]+,rejected_calls=0,"
                    + "failed_calls=1\r\n.*").matcher(info).matches(), info);
            // Newest first: INFO, CLIENT UNBLOCK (logged after the WAITFOR it ended), WAITFOR, CLIENT ID.
            assertEquals(List.of("INFO", "CLIENT", "WAITFOR", "CLIENT"), names(admin.call("SLOWLOG", "GET")).subList(0, 4));
        }
    }

    @Test
    void clientsInTimeoutTableCountsBlockedClientsWithATimeout() throws Exception {
        try (RawClient admin = new RawClient(server.port()); RawClient a = new RawClient(server.port());
             RawClient b = new RawClient(server.port())) {
            String id = a.call("CLIENT", "ID").substring(1).trim();
            a.send(command("WAITFOR", "t1", "100000"));
            b.send(command("WAITFOR", "t2", "0"));
            awaitBlocked(2);
            String info = admin.call("INFO", "clients");
            assertTrue(info.contains("blocked_clients:2\r\n") && info.contains("clients_in_timeout_table:1\r\n"), info);
            admin.call("CLIENT", "UNBLOCK", id);
            a.readReply();
            admin.call("SET", "t2", "go");
            b.readReply();
            awaitBlocked(0);
            assertTrue(admin.call("INFO", "clients").contains("clients_in_timeout_table:0\r\n"));
        }
    }

    @Test
    void clientReplySilencesABlockedCommandsLaterReply() throws Exception {
        try (RawClient admin = new RawClient(server.port()); RawClient w = new RawClient(server.port())) {
            w.send(command("CLIENT", "REPLY", "SKIP") + command("WAITFOR", "s1", "0"));
            awaitBlocked(1);
            admin.call("SET", "s1", "go");
            awaitBlocked(0);
            w.send(command("CLIENT", "REPLY", "OFF") + command("WAITFOR", "s2", "20") + command("CLIENT", "REPLY", "ON"));
            // Neither WAITFOR's reply (served, then timed out) comes: only ON's.
            assertEquals("+OK\r\n", w.readReply());
            assertEquals("+PONG\r\n", w.call("PING"));
        }
    }

    private static List<String> names(String reply) {
        Matcher m = Pattern.compile("\\*6\\r\\n:\\d+\\r\\n:\\d+\\r\\n:\\d+\\r\\n\\*\\d+\\r\\n\\$\\d+\\r\\n([^\\r]+)\\r\\n")
                .matcher(reply);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
