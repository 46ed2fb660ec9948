package io.pyredis.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * --pipe mass insertion, after redis-cli's pipeMode: stdin goes to the server verbatim, a final
 * ECHO of 20 random bytes marks the end, and replies are counted until that echo comes back.
 */
final class PipeMode {

    private final Cli cli;
    private final AtomicBoolean eof = new AtomicBoolean();
    private volatile long eofAt;
    private volatile IOException writeFailure;

    PipeMode(Cli cli) {
        this.cli = cli;
    }

    int run() {
        Connection conn = cli.conn;
        byte[] magic = new byte[20];
        new SecureRandom().nextBytes(magic);
        Thread writer = new Thread(() -> copy(cli.env.in(), conn, magic), "pyredis-cli-pipe-writer");
        writer.setDaemon(true);
        writer.start();

        long errors = 0;
        long replies = 0;
        try {
            conn.socket().setSoTimeout(100);
        } catch (IOException e) {
            // without a timeout the pipe still works, it only cannot give up
        }
        conn.setIdleHandler(() -> {
            if (writeFailure != null) throw writeFailure;
            int timeout = cli.opt.pipeTimeout;
            if (eof.get() && timeout > 0 && System.nanoTime() - eofAt > timeout * 1_000_000_000L) {
                throw new SocketTimeoutException("pipe timeout");
            }
        });
        boolean done = false;
        while (!done) {
            Reply r;
            try {
                r = conn.read();
            } catch (SocketTimeoutException e) {
                synchronized (cli.out) {
                    cli.out.flush();
                }
                cli.err.print("No replies for " + cli.opt.pipeTimeout + " seconds: exiting.\n");
                errors++;
                break;
            } catch (IOException e) {
                cli.out.flush();
                cli.err.println("Error reading replies from server");
                return 1;
            }
            if (r instanceof Reply.Err e) {
                cli.err.print(Reply.text(e) + "\n");
                errors++;
            } else if (eof.get() && r instanceof Reply.Bulk b && Arrays.equals(b.data(), magic)) {
                synchronized (cli.out) {
                    cli.out.print("Last reply received from server.\n");
                    cli.out.flush();
                }
                done = true;
                replies--;
            }
            replies++;
            if (done) break;
            eofAt = eof.get() ? System.nanoTime() : eofAt;
        }
        synchronized (cli.out) {
            cli.out.print("errors: " + errors + ", replies: " + replies + "\n");
            cli.out.flush();
        }
        return errors > 0 ? 1 : 0;
    }

    private void copy(InputStream in, Connection conn, byte[] magic) {
        byte[] buf = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                conn.writeRaw(buf, 0, n);
                conn.flush();
            }
            // Marked and announced before the final ECHO goes out, so its reply always counts as the last.
            eofAt = System.nanoTime();
            eof.set(true);
            synchronized (cli.out) {
                cli.out.print("All data transferred. Waiting for the last reply...\n");
                cli.out.flush();
            }
            byte[] head = "\r\n*2\r\n$4\r\nECHO\r\n$20\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            conn.writeRaw(head, 0, head.length);
            conn.writeRaw(magic, 0, magic.length);
            conn.writeRaw(new byte[] {'\r', '\n'}, 0, 2);
            conn.flush();
        } catch (IOException e) {
            writeFailure = e;
        }
    }
}
