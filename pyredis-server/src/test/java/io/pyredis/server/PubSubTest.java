package io.pyredis.server;

import io.pyredis.testkit.RawClient;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pub/sub through Jedis, Lettuce (RESP3 and RESP2) and raw bytes, with several clients. */
class PubSubTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Jedis jedis() {
        return new Jedis("127.0.0.1", server.port());
    }

    /** Waits (bounded) until {@code channel} has {@code n} subscribers, as seen by PUBSUB NUMSUB. */
    static void awaitSubscribers(Jedis j, String channel, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (j.pubsubNumSub(channel).get(channel) != n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(n, j.pubsubNumSub(channel).get(channel));
    }

    static void awaitPatterns(Jedis j, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (j.pubsubNumPat() != n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(n, j.pubsubNumPat());
    }

    @Test
    void jedisSubscribersGetMessagesAndPatternMessages() throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                got.add("message " + channel + " " + message);
            }

            @Override
            public void onPMessage(String pattern, String channel, String message) {
                got.add("pmessage " + pattern + " " + channel + " " + message);
            }
        };
        try (Jedis sub = jedis(); Jedis pub = jedis()) {
            Thread t = new Thread(() -> sub.subscribe(listener, "news"));
            t.start();
            awaitSubscribers(pub, "news", 1);
            listener.psubscribe("n*", "x?z");
            awaitPatterns(pub, 2);
            assertEquals(2, pub.publish("news", "hello"));
            assertEquals(1, pub.publish("xyz", "other"));
            assertEquals(1, pub.publish("nobody-but-n*", "x"));
            assertEquals("message news hello", got.poll(10, TimeUnit.SECONDS));
            assertEquals("pmessage n* news hello", got.poll(10, TimeUnit.SECONDS));
            assertEquals("pmessage x?z xyz other", got.poll(10, TimeUnit.SECONDS));
            assertEquals("pmessage n* nobody-but-n* x", got.poll(10, TimeUnit.SECONDS));
            listener.unsubscribe();
            listener.punsubscribe();
            t.join(10_000);
            assertEquals(0, pub.pubsubNumPat());
            assertEquals(0, pub.publish("news", "gone"));
        }
    }

    @Test
    void binaryChannelNamesAndMessages() throws Exception {
        byte[] channel = {0, (byte) 0xff, '\r', '\n', 'c'};
        byte[] message = {(byte) 0x80, 0, 1, 2};
        BlockingQueue<byte[][]> got = new LinkedBlockingQueue<>();
        BinaryJedisPubSub listener = new BinaryJedisPubSub() {
            @Override
            public void onMessage(byte[] ch, byte[] msg) {
                got.add(new byte[][] {ch, msg});
            }
        };
        try (Jedis sub = jedis(); Jedis pub = jedis()) {
            Thread t = new Thread(() -> sub.subscribe(listener, channel));
            t.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pub.publish(channel, new byte[0]) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            got.clear();
            assertEquals(1, pub.publish(channel, message));
            byte[][] m = got.poll(10, TimeUnit.SECONDS);
            while (m != null && m[1].length == 0) {
                m = got.poll(10, TimeUnit.SECONDS);
            }
            assertArrayEquals(channel, m[0]);
            assertArrayEquals(message, m[1]);
            listener.unsubscribe();
            t.join(10_000);
        }
    }

    @Test
    void lettuceResp3PushFramesAndResp2Fallback() throws Exception {
        for (ProtocolVersion version : List.of(ProtocolVersion.RESP3, ProtocolVersion.RESP2)) {
            RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
            client.setOptions(ClientOptions.builder().protocolVersion(version).build());
            try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
                 Jedis pub = jedis()) {
                BlockingQueue<String> got = new LinkedBlockingQueue<>();
                sub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        got.add(channel + "=" + message);
                    }

                    @Override
                    public void message(String pattern, String channel, String message) {
                        got.add(pattern + ":" + channel + "=" + message);
                    }
                });
                sub.sync().subscribe("lc");
                sub.sync().psubscribe("l*");
                assertEquals(2, pub.publish("lc", "v" + version));
                assertEquals("lc=v" + version, got.poll(10, TimeUnit.SECONDS));
                assertEquals("l*:lc=v" + version, got.poll(10, TimeUnit.SECONDS));
                if (version == ProtocolVersion.RESP3) {
                    // RESP3: any command is allowed while subscribed.
                    assertEquals("PONG", sub.sync().ping());
                    assertEquals(Map.of("lc", 1L), sub.sync().pubsubNumsub("lc"));
                }
                sub.sync().unsubscribe("lc");
                sub.sync().punsubscribe("l*");
                assertEquals(0, pub.publish("lc", "after"));
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void resp2SubscribedContextAllowsOnlyPubSubCommands() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("SUBSCRIBE", "ctx") + command("GET", "x") + command("PING") + command("PING", "hi")
                    + command("CONFIG", "GET", "port") + command("SSUBSCRIBE", "s") + command("UNSUBSCRIBE")
                    + command("SUNSUBSCRIBE") + command("UNSUBSCRIBE") + command("PING"));
            // Recorded from redis-server 7.0.15.
            String expected = "*3\r\n$9\r\nsubscribe\r\n$3\r\nctx\r\n:1\r\n"
                    + "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are "
                    + "allowed in this context\r\n"
                    + "*2\r\n$4\r\npong\r\n$0\r\n\r\n*2\r\n$4\r\npong\r\n$2\r\nhi\r\n"
                    + "-ERR Can't execute 'config|get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET "
                    + "are allowed in this context\r\n"
                    + "*3\r\n$10\r\nssubscribe\r\n$1\r\ns\r\n:1\r\n"
                    + "*3\r\n$11\r\nunsubscribe\r\n$3\r\nctx\r\n:0\r\n"
                    + "*3\r\n$12\r\nsunsubscribe\r\n$1\r\ns\r\n:0\r\n"
                    + "*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n+PONG\r\n";
            assertEquals(expected, c.readLike(expected));
            c.send(command("SUBSCRIBE", "a") + command("RESET") + command("GET", "x"));
            expected = "*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n+RESET\r\n$-1\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void resp3PushFramesByteForByte() throws Exception {
        try (RawClient sub = new RawClient(server.port()); RawClient pub = new RawClient(server.port())) {
            sub.send(command("HELLO", "3"));
            sub.readUntil("*0\r\n");
            sub.send(command("SUBSCRIBE", "r3") + command("SSUBSCRIBE", "s3"));
            String expected = ">3\r\n$9\r\nsubscribe\r\n$2\r\nr3\r\n:1\r\n>3\r\n$10\r\nssubscribe\r\n$2\r\ns3\r\n:1\r\n";
            assertEquals(expected, sub.readLike(expected));
            pub.send(command("PUBLISH", "r3", "m") + command("SPUBLISH", "s3", "n") + command("PUBLISH", "s3", "x"));
            assertEquals(":1\r\n:1\r\n:0\r\n", pub.readLike(":1\r\n:1\r\n:0\r\n"));
            expected = ">3\r\n$7\r\nmessage\r\n$2\r\nr3\r\n$1\r\nm\r\n>3\r\n$8\r\nsmessage\r\n$2\r\ns3\r\n$1\r\nn\r\n";
            assertEquals(expected, sub.readLike(expected));
            sub.send(command("GET", "nokey") + command("UNSUBSCRIBE") + command("UNSUBSCRIBE"));
            expected = "_\r\n>3\r\n$11\r\nunsubscribe\r\n$2\r\nr3\r\n:0\r\n>3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n";
            assertEquals(expected, sub.readLike(expected));
        }
    }

    @Test
    void pubsubIntrospection() throws Exception {
        try (RawClient s1 = new RawClient(server.port()); RawClient s2 = new RawClient(server.port());
             Jedis j = jedis()) {
            s1.send(command("SUBSCRIBE", "intro.a", "intro.b") + command("PSUBSCRIBE", "intro.*")
                    + command("SSUBSCRIBE", "intro.s"));
            s1.readUntil(":1\r\n*3\r\n$9\r\nsubscribe");
            s1.readUntil("ssubscribe\r\n$7\r\nintro.s\r\n:1\r\n");
            s2.send(command("SUBSCRIBE", "intro.a") + command("PSUBSCRIBE", "intro.*"));
            s2.readUntil("psubscribe\r\n$7\r\nintro.*\r\n:2\r\n");
            assertEquals(List.of("intro.a", "intro.b"),
                    j.pubsubChannels("intro.*").stream().sorted().toList());
            assertEquals(List.of("intro.b"), j.pubsubChannels("*.b"));
            Map<String, Long> numsub = j.pubsubNumSub("intro.a", "intro.b", "intro.none");
            assertEquals(Map.of("intro.a", 2L, "intro.b", 1L, "intro.none", 0L), numsub);
            assertEquals(1, j.pubsubNumPat(), "one pattern, however many subscribers");
            assertEquals(List.of("intro.s"), j.pubsubShardChannels("intro.*"));
            assertEquals(Map.of("intro.s", 1L, "x", 0L), j.pubsubShardNumSub("intro.s", "x"));
            String info = j.info("stats");
            assertTrue(info.contains("pubsub_channels:2\r\n"), info);
            assertTrue(info.contains("pubsub_patterns:1\r\n"), info);
            assertTrue(info.contains("pubsubshard_channels:1\r\n"), info);
            String list = j.clientList();
            assertTrue(list.contains(" flags=P db=0 sub=2 psub=1 ssub=1 "), list);
        }
        // Disconnected subscribers are forgotten.
        try (Jedis j = jedis()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (j.pubsubNumPat() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(0, j.pubsubNumPat());
            assertEquals(List.of(), j.pubsubChannels("intro.*"));
        }
    }

    @Test
    void manyChannelsAndNastyPatterns() throws Exception {
        try (RawClient c = new RawClient(server.port()); Jedis pub = jedis()) {
            String[] names = new String[2001];
            names[0] = "SUBSCRIBE";
            for (int i = 1; i <= 2000; i++) {
                names[i] = "many." + i;
            }
            c.send(command(names));
            c.readUntil("$9\r\nmany.2000\r\n:2000\r\n");
            String nasty = "*?".repeat(600) + "x";
            c.send(command("PSUBSCRIBE", nasty));
            c.readUntil(":2001\r\n");
            assertEquals(1, pub.publish("many.1999", "m"));
            assertEquals(0, pub.publish("a".repeat(3000), "m"), "the star-heavy pattern fails, as in Redis, quickly");
            c.send(command("UNSUBSCRIBE"));
            c.readUntil("\r\n:1\r\n"); // the last channel's confirmation leaves the pattern
            assertEquals(0, pub.publish("many.5", "m"));
        }
    }

    @Test
    void nonReadingSubscriberIsCutOffWhileOthersGetEverything() throws Exception {
        String before = server.config("client-output-buffer-limit");
        try (Jedis admin = jedis()) {
            admin.configSet("client-output-buffer-limit", "pubsub 256kb 128kb 60");
            assertEquals("normal 0 0 0 slave 268435456 67108864 60 pubsub 262144 131072 60",
                    admin.configGet("client-output-buffer-limit").get("client-output-buffer-limit"));
            int messages = 2000;
            byte[] payload = new byte[16 * 1024];
            CountDownLatch all = new CountDownLatch(messages);
            // The reading subscriber is under the same limit: the publisher stays at most 4
            // messages (64 KB) ahead of it, so only the client that never reads can pass
            // 256 KB, however slowly this machine runs the reader's thread.
            java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(4);
            JedisPubSub reader = new JedisPubSub() {
                @Override
                public void onMessage(String channel, String message) {
                    window.release();
                    all.countDown();
                    if (all.getCount() == 0) {
                        unsubscribe();
                    }
                }
            };
            try (Socket slow = new Socket(); Jedis readerConn = jedis(); Jedis pub = jedis()) {
                slow.setReceiveBufferSize(4096);
                slow.connect(new InetSocketAddress("127.0.0.1", server.port()));
                slow.getOutputStream().write(command("SUBSCRIBE", "flood").getBytes(StandardCharsets.US_ASCII));
                Thread t = new Thread(() -> readerConn.subscribe(reader, "flood"));
                t.start();
                awaitSubscribers(pub, "flood", 2);
                for (int i = 0; i < messages; i++) {
                    assertTrue(window.tryAcquire(30, TimeUnit.SECONDS), "the reader stopped reading at " + i);
                    pub.publish("flood".getBytes(StandardCharsets.US_ASCII), payload);
                }
                assertTrue(all.await(30, TimeUnit.SECONDS), "the reading subscriber got every message");
                t.join(10_000);
                // The one that never read was disconnected: 32 MB were published to it.
                assertEquals(0, pub.pubsubNumSub("flood").get("flood"));
                InputStream in = slow.getInputStream();
                slow.setSoTimeout(10_000);
                long read = 0;
                byte[] buf = new byte[65536];
                int n;
                try {
                    while ((n = in.read(buf)) >= 0) {
                        read += n;
                    }
                } catch (java.net.SocketException reset) {
                    // Closed by the server: what we wanted to see.
                }
                assertTrue(read < 8L * 1024 * 1024, "it got far less than was published: " + read);
                assertEquals("PONG", pub.ping(), "the server is fine");
            }
        } finally {
            try (Jedis admin = jedis()) {
                admin.configSet("client-output-buffer-limit", before);
            }
        }
    }

    @Test
    void outputBufferLimitConfigErrorsMatchRedis() throws Exception {
        // Parsing and errors, as redis-server 7.0.15 answers them.
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("CONFIG", "SET", "client-output-buffer-limit", "pubsub 1mb 512kb")
                    + command("CONFIG", "SET", "client-output-buffer-limit", "foo 1 1 1"));
            String expected = "-ERR CONFIG SET failed (possibly related to argument 'client-output-buffer-limit') - "
                    + "Wrong number of arguments in buffer limit configuration.\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'client-output-buffer-limit') - "
                    + "Invalid client class specified in buffer limit configuration.\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }
}
