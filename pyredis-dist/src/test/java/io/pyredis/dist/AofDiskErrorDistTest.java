package io.pyredis.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A disk that fails under the append-only file, for real: the server process's file size
 * limit (RLIMIT_FSIZE, lowered and raised from outside with util-linux's {@code prlimit})
 * makes the kernel fail its write(2)s to the open incr file, with EFBIG ("File too
 * large") when the file is at the limit and a short write when it is just below, until the
 * limit is raised again. The JVM ignores the SIGXFSZ that comes with it, as Redis does
 * when started with the signal ignored. The same scenario runs against Debian's Redis
 * 7.0.15 when it is installed, so both are seen to answer the same.
 */
@Timeout(120)
class AofDiskErrorDistTest {

    private static final int REDIS_PORT = 9531;
    private static final String SOLVED = "AOF write error looks solved, Redis can write again.";

    @TempDir
    Path dir;

    private ServerProcess pyredis(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--appendonly", "yes", "--dir", dir.toString()));
        args.addAll(List.of(extra));
        return ServerProcess.startModule(dir, args.toArray(new String[0]));
    }

    @Test
    void writesGetMisconfWhileTheAofCannotBeWrittenReadsGoOnAndNothingAcknowledgedIsLost() throws Exception {
        try (ServerProcess s = pyredis()) {
            assumeFileSizeLimitCanBeSet(s.pid());
            failingDisk(s.port(), s.pid(), dir.resolve("appendonlydir"));
            assertFalse(s.linesWith("Error writing to the AOF file: File too large").isEmpty(), s.output());
            assertFalse(s.linesWith("Short write while writing to the AOF file").isEmpty(), s.output());
            assertFalse(s.linesWith(SOLVED).isEmpty(), s.output());
        }
        // Restarted from the files: every write that was acknowledged, those acknowledged
        // while the disk failed too (kept in the buffer and written once it worked).
        try (ServerProcess s = pyredis(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("1", j.get("a"));
            assertEquals("2", j.get("b"));
            assertEquals("3", j.get("c"));
            assertEquals("x".repeat(100), j.get("d"));
            assertEquals("5", j.get("e"));
            assertEquals(5, j.dbSize());
        }
        if (onPath("redis-check-aof")) {
            Process check = new ProcessBuilder("redis-check-aof",
                    dir.resolve("appendonlydir/appendonly.aof.manifest").toString()).redirectErrorStream(true).start();
            String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, check.waitFor(), out);
            assertTrue(out.contains("is valid"), out);
        }
    }

    @Test
    void redis700AnswersTheSame() throws Exception {
        assumeTrue(onPath("redis-server") && onPath("bash"), "Debian's redis-server is not installed");
        // Redis does not ignore SIGXFSZ itself (it would be killed); an ignored signal stays
        // ignored across exec.
        Process redis = new ProcessBuilder("bash", "-c", "trap '' XFSZ; exec redis-server --port " + REDIS_PORT
                + " --bind 127.0.0.1 --save '' --appendonly yes --dir '" + dir + "'")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitPort(REDIS_PORT);
            assumeFileSizeLimitCanBeSet(redis.pid());
            failingDisk(REDIS_PORT, redis.pid(), dir.resolve("appendonlydir"));
        } finally {
            redis.destroy();
            redis.waitFor();
        }
    }

    /**
     * With {@code appendfsync always} a failed write cannot be answered either way (the
     * change is made, but not on disk): Redis exits with status 1, the client gets no reply.
     */
    @Test
    void withAppendfsyncAlwaysAFailedWriteStopsTheServerWithStatus1() throws Exception {
        try (ServerProcess s = pyredis("--appendfsync", "always")) {
            assumeFileSizeLimitCanBeSet(s.pid());
            try (Jedis j = new Jedis("127.0.0.1", s.port())) {
                assertEquals("OK", j.set("a", "1"));
                setFileSizeLimit(s.pid(), Files.size(incrFile(dir.resolve("appendonlydir"))));
                assertThrows(JedisConnectionException.class, () -> j.set("b", "2"));
            }
            assertEquals(1, s.awaitExit(Duration.ofSeconds(30)), s.output());
            assertFalse(s.linesWith(
                    "Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...").isEmpty(),
                    s.output());
        }
        try (ServerProcess s = pyredis(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("1", j.get("a"));
            assertNull(j.get("b")); // never acknowledged, never written
        }
    }

    /** The scenario both servers go through; they must answer the same. */
    private static void failingDisk(int port, long pid, Path aofDir) throws Exception {
        try (Jedis j = new Jedis("127.0.0.1", port)) {
            assertEquals("OK", j.set("a", "1"));
            Path incr = incrFile(aofDir);
            long size = Files.size(incr); // written before the reply was sent

            // At the limit: write(2) fails with EFBIG.
            awaitNoFsyncPending(j);
            setFileSizeLimit(pid, size);
            // This write's reply was already due (everysec acknowledges before the write is
            // known to fail); it stays in the buffer, to be written when the disk works.
            assertEquals("OK", j.set("b", "2"));
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.set("c", "3"));
            assertEquals("MISCONF Errors writing to the AOF file: File too large", e.getMessage());
            assertEquals("1", j.get("a"));
            assertEquals("2", j.get("b"));
            assertEquals(2, j.dbSize());
            assertEquals("-MISCONF Errors writing to the AOF file: File too large\r\n",
                    raw(port, "*1\r\n$4\r\nPING\r\n"));
            assertTrue(j.info("persistence").contains("aof_last_write_status:err\r\n"));
            assertEquals(size, Files.size(incr));

            setFileSizeLimit(pid, -1);
            awaitWriteStatusOk(j);
            assertEquals("OK", j.set("c", "3"));

            // Just below the limit: a short write, reported as ENOSPC and cut from the file.
            awaitNoFsyncPending(j);
            size = Files.size(incr);
            setFileSizeLimit(pid, size + 10);
            assertEquals("OK", j.set("d", "x".repeat(100)));
            e = assertThrows(JedisDataException.class, () -> j.set("e", "5"));
            assertEquals("MISCONF Errors writing to the AOF file: No space left on device", e.getMessage());
            assertEquals(size, Files.size(incr));

            setFileSizeLimit(pid, -1);
            awaitWriteStatusOk(j);
            assertEquals("OK", j.set("e", "5"));
            assertEquals("PONG", j.ping());
        }
    }

    private static Path incrFile(Path aofDir) throws IOException {
        try (Stream<Path> files = Files.list(aofDir)) {
            List<Path> incrs = files.filter(p -> p.getFileName().toString().endsWith(".incr.aof")).toList();
            assertEquals(1, incrs.size(), incrs.toString());
            return incrs.get(0);
        }
    }

    /**
     * With everysec, a write is postponed (up to 2 s) while a background fsync runs, and
     * then does not fail yet: wait for the one started by the last write to end, as Redis
     * tells it in INFO (there is no event to wait on).
     */
    private static void awaitNoFsyncPending(Jedis j) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!j.info("persistence").contains("aof_pending_bio_fsync:0\r\n")) {
            assertTrue(System.nanoTime() < deadline, "aof_pending_bio_fsync still not 0");
            Thread.sleep(20);
        }
    }

    /** The server retries the write in its cron; poll for it (there is no event to wait on). */
    private static void awaitWriteStatusOk(Jedis j) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!j.info("persistence").contains("aof_last_write_status:ok\r\n")) {
            assertTrue(System.nanoTime() < deadline, "aof_last_write_status still err");
            Thread.sleep(50);
        }
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                sb.append((char) c);
                if (sb.length() >= 2 && sb.charAt(sb.length() - 2) == '\r' && c == '\n') {
                    break;
                }
            }
            return sb.toString();
        }
    }

    /** Sets the soft RLIMIT_FSIZE of {@code pid} to {@code bytes}, or unlimited when negative. */
    private static void setFileSizeLimit(long pid, long bytes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(pid),
                "--fsize=" + (bytes < 0 ? "unlimited" : Long.toString(bytes)) + ":").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    private static void assumeFileSizeLimitCanBeSet(long pid) throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "RLIMIT_FSIZE via prlimit needs Linux");
        assumeTrue(onPath("prlimit"), "util-linux's prlimit is not installed: no way to make the disk fail");
        Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), "--fsize").redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor() == 0, "prlimit cannot read the server's limits here: " + out);
        // The hard limit must allow going back to no limit (the soft one is lowered and raised).
        assumeTrue(out.contains("unlimited unlimited"), "the file size hard limit is not unlimited here: " + out);
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100); // polling a port: there is no event to wait on
            }
        }
        throw new AssertionError("nothing listens on " + port);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
