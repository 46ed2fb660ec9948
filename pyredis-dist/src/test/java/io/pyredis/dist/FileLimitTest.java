package io.pyredis.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Started under {@code ulimit -n 256} with the default maxclients of 10000, the server lowers
 * maxclients to what the descriptor limit allows and says so, as Redis does; a client past it
 * gets Redis's error, and with every slot taken SAVE still opens its file.
 */
class FileLimitTest {

    @TempDir
    Path work;

    @Test
    void maxclientsFollowsTheDescriptorLimit() throws Exception {
        int port = Dist.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of("bash", "-c", "ulimit -n 256 && exec \"$0\" \"$@\"", java,
                "-p", Dist.modules().toString(), "-m", "io.pyredis.server/io.pyredis.server.Main",
                "--port", Integer.toString(port), "--save", "", "--dir", work.toString());
        List<Socket> clients = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(cmd, work, port)) {
            List<String> reduced = server.linesWith("WARN", "maxclients has been reduced to");
            assertEquals(1, reduced.size(), server.output());
            assertFalse(server.linesWith("WARN", "You requested maxclients of 10000 requiring at least").isEmpty());
            int max = Integer.parseInt(reduced.get(0).replaceAll(".*reduced to (\\d+) .*", "$1"));
            assertTrue(max > 100 && max < 256 - 32, "maxclients " + max);
            Socket first = connect(port);
            clients.add(first);
            assertEquals("*2\r\n$10\r\nmaxclients\r\n$" + Integer.toString(max).length() + "\r\n" + max + "\r\n",
                    ask(first, "*3\r\n$6\r\nCONFIG\r\n$3\r\nGET\r\n$10\r\nmaxclients\r\n"));
            while (clients.size() < max) {
                Socket s = connect(port);
                clients.add(s);
                assertEquals("+PONG\r\n", ask(s, "PING\r\n"), "client " + clients.size());
            }
            Socket extra = connect(port);
            clients.add(extra);
            assertEquals("-ERR max number of clients reached\r\n", ask(extra, "PING\r\n"));
            assertEquals("+OK\r\n", ask(first, "SAVE\r\n"), "SAVE with every client slot taken");
            String refused = ask(first, "*4\r\n$6\r\nCONFIG\r\n$3\r\nSET\r\n$10\r\nmaxclients\r\n$4\r\n5000\r\n");
            assertTrue(refused.startsWith("-ERR CONFIG SET failed (possibly related to argument 'maxclients') - "
                    + "The operating system is not able to handle the specified number of clients, try with " + max),
                    refused);
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        return s;
    }

    private static String ask(Socket s, String request) throws IOException {
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        StringBuilder sb = new StringBuilder();
        // One reply, small: read until it ends with CRLF and, for an array, has all its lines.
        do {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            sb.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        } while (!complete(sb.toString()));
        return sb.toString();
    }

    private static boolean complete(String r) {
        if (!r.endsWith("\r\n")) {
            return false;
        }
        return !r.startsWith("*2") || r.split("\r\n").length >= 5;
    }
}
