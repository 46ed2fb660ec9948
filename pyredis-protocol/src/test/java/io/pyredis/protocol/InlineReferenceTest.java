package io.pyredis.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.EOFException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential test of inline splitting against a real redis-server (7.0): random lines are
 * RPUSHed inline and read back with LRANGE. It starts Debian's {@code redis-server} on a free
 * port (skipped when that is not installed), or uses the one that
 * {@code -Dpyredis.reference.port=N} names (it writes and deletes the key
 * {@code __pyredis_inline}).
 */
class InlineReferenceTest {

    /** A redis-server of our own on a free port, or null when -Dpyredis.reference.port names one. */
    private static Process startReference(int[] port) throws Exception {
        String given = System.getProperty("pyredis.reference.port");
        if (given != null && given.matches("\\d+")) {
            port[0] = Integer.parseInt(given);
            return null;
        }
        boolean installed = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            installed |= java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, "redis-server"));
        }
        Assumptions.assumeTrue(installed, "redis-server is not installed");
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port[0] = free.getLocalPort();
        }
        Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port[0]), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port[0])) {
                return p;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    p.destroyForcibly();
                    throw new AssertionError("redis-server did not start on port " + port[0]);
                }
                Thread.sleep(20);
            }
        }
    }

    private static final String ALPHABET = "ab x4fn \"\"''\\\\\t\u000b\f\r\u00ff";

    @Test
    void randomInlineLinesSplitLikeRedis() throws Exception {
        int[] ports = new int[1];
        Process redis = startReference(ports);
        try {
            compareWith(ports[0]);
        } finally {
            if (redis != null) {
                redis.destroy();
                redis.waitFor();
            }
        }
    }

    private static void compareWith(int port) throws Exception {
        Random rnd = new Random(2024);
        Socket socket = null;
        RespReader reader = null;
        for (int round = 0; round < 3000; round++) {
            char[] cs = new char[1 + rnd.nextInt(12)];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
            }
            String line = "RPUSH __pyredis_inline " + new String(cs);
            byte[] lineBytes = line.getBytes(ISO_8859_1);
            byte[][] mine = io.pyredis.protocol.internal.InlineSplitter.split(lineBytes, 0, lineBytes.length);

            if (socket == null) {
                socket = new Socket("127.0.0.1", port);
                reader = new RespReader(socket.getInputStream());
            }
            OutputStream out = socket.getOutputStream();
            out.write((line + "\r\nLRANGE __pyredis_inline 0 -1\r\nDEL __pyredis_inline\r\n").getBytes(ISO_8859_1));
            out.flush();
            RespValue first = reader.read();
            if (mine == null) {
                assertEquals(new RespValue.Error("ERR Protocol error: unbalanced quotes in request"), first, line);
                try {
                    reader.read();
                    throw new AssertionError("connection still open after " + line);
                } catch (EOFException expected) {
                    socket.close();
                    socket = null;
                }
                continue;
            }
            RespValue range = reader.read();
            reader.read();
            List<String> theirs = new ArrayList<>();
            for (RespValue v : assertInstanceOf(RespValue.Array.class, range, line).elements()) {
                theirs.add(new String(((RespValue.BulkString) v).value(), ISO_8859_1));
            }
            List<String> ours = new ArrayList<>();
            for (byte[] a : Arrays.copyOfRange(mine, 2, Math.max(2, mine.length))) {
                ours.add(new String(a, ISO_8859_1));
            }
            assertEquals(theirs, ours, "line " + line);
        }
        if (socket != null) {
            socket.close();
        }
    }
}
