package io.pyredis.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The normal clients' output limit holds within one read: a pipeline whose replies would
 * pass the hard limit ends the connection as the replies are added, before they are all
 * built in the heap, and the server goes on serving everyone else.
 */
class OutputLimitTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("client-output-buffer-limit", "normal 32mb 16mb 10").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aThousandGetsOfAMegabyteInOneWriteAreCutOffAtTheHardLimit() throws Exception {
        byte[] value = new byte[1024 * 1024];
        Arrays.fill(value, (byte) 'v');
        try (Jedis admin = new Jedis("127.0.0.1", server.port())) {
            admin.set("big".getBytes(StandardCharsets.US_ASCII), value);
            admin.configResetStat();
            String get = command("GET", "big");
            byte[] pipeline = get.repeat(1000).getBytes(StandardCharsets.US_ASCII);
            try (Socket s = new Socket()) {
                s.setReceiveBufferSize(4096);
                s.connect(new InetSocketAddress("127.0.0.1", server.port()));
                OutputStream out = s.getOutputStream();
                out.write(pipeline);
                out.flush();
                s.setSoTimeout(30_000);
                InputStream in = s.getInputStream();
                long read = 0;
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    read += n;
                }
                // Closed by the server (the read ended) with far less than the 1 GB asked for:
                // at most the hard limit and what the kernel's buffers held.
                assertTrue(read < 40L * 1024 * 1024, "the client got " + read + " bytes");
            }
            assertEquals("PONG", admin.ping(), "the server serves the other clients");
            // As Redis stops reading a client it closes ASAP: the rest of the pipeline never ran.
            String stats = admin.info("commandstats");
            long calls = Long.parseLong(stats.replaceAll("(?s).*cmdstat_get:calls=(\\d+).*", "$1"));
            assertTrue(calls < 100, "GET ran " + calls + " times");
            assertEquals(value.length, admin.strlen("big"));
        }
    }
}
