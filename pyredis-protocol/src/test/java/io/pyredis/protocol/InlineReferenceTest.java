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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Differential test of inline splitting against a real redis-server (7.0): random lines are
 * RPUSHed inline and read back with LRANGE. Runs only when {@code -Dpyredis.reference.port=N}
 * names a running Redis on 127.0.0.1 (it writes and deletes the key {@code __pyredis_inline}).
 */
@EnabledIfSystemProperty(named = "pyredis.reference.port", matches = "\\d+")
class InlineReferenceTest {

    private static final String ALPHABET = "ab x4fn \"\"''\\\\\t\u000b\f\r\u00ff";

    @Test
    void randomInlineLinesSplitLikeRedis() throws Exception {
        int port = Integer.parseInt(System.getProperty("pyredis.reference.port"));
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
