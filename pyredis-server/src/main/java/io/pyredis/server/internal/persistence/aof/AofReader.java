package io.pyredis.server.internal.persistence.aof;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the commands of an AOF file one by one, as Redis's loadSingleAppendOnlyFile:
 * {@code *<argc>} then {@code $<len>} bulk strings, {@code #} annotation lines skipped.
 * Declared lengths are never trusted for allocation: a bulk grows as its bytes arrive, so
 * a lying length costs at most the size of the file.
 */
final class AofReader {

    /** The file ended in the middle of a command. */
    static final class Truncated extends Exception {
        private static final long serialVersionUID = 1L;

        Truncated() {
            super(null, null, false, false);
        }
    }

    /** Not an AOF command where one should start, at {@link #offset}. */
    static final class BadFormat extends Exception {
        private static final long serialVersionUID = 1L;
        final long offset;

        BadFormat(long offset) {
            super("bad format at offset " + offset, null, false, false);
            this.offset = offset;
        }
    }

    private static final int MAX_HEADER = 64;
    private static final int FIRST_CHUNK = 64 * 1024;

    private final InputStream in;
    private long pos;
    private long commandStart;
    private final byte[] line = new byte[MAX_HEADER];

    AofReader(InputStream in, long startOffset) {
        this.in = in;
        this.pos = startOffset;
    }

    /** The offset just after the last complete command (or annotation) read. */
    long position() {
        return pos;
    }

    /** Where the command last returned started. */
    long commandStart() {
        return commandStart;
    }

    /** The next command, or null at a clean end of file. */
    byte[][] next() throws IOException, Truncated, BadFormat {
        while (true) {
            commandStart = pos;
            int c = in.read();
            if (c < 0) {
                return null;
            }
            pos++;
            if (c == '#') {
                skipLine();
                continue;
            }
            if (c != '*') {
                throw new BadFormat(commandStart);
            }
            long argc = number(commandStart);
            if (argc < 1) {
                throw new BadFormat(commandStart);
            }
            List<byte[]> args = new ArrayList<>((int) Math.min(argc, 16));
            for (long i = 0; i < argc; i++) {
                long at = pos;
                int d = in.read();
                if (d < 0) {
                    throw new Truncated();
                }
                pos++;
                if (d != '$') {
                    throw new BadFormat(at);
                }
                long len = number(at);
                if (len < 0 || len > Integer.MAX_VALUE - 16) {
                    throw new BadFormat(at);
                }
                args.add(bulk((int) len));
                int cr = in.read();
                int lf = cr < 0 ? -1 : in.read();
                if (lf < 0) {
                    throw new Truncated();
                }
                pos += 2;
                if (cr != '\r' || lf != '\n') {
                    throw new BadFormat(pos - 2);
                }
            }
            return args.toArray(new byte[0][]);
        }
    }

    private void skipLine() throws IOException, Truncated {
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new Truncated();
            }
            pos++;
            if (c == '\n') {
                return;
            }
        }
    }

    /** The decimal number ending the header line just started ({@code *} or {@code $} read). */
    private long number(long at) throws IOException, Truncated, BadFormat {
        int n = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new Truncated();
            }
            pos++;
            if (c == '\n') {
                break;
            }
            if (n == MAX_HEADER) {
                throw new BadFormat(at);
            }
            line[n++] = (byte) c;
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        if (n == 0 || n > 18) {
            throw new BadFormat(at);
        }
        long v = 0;
        int i = 0;
        boolean neg = line[0] == '-';
        if (neg) {
            i = 1;
            if (n == 1) {
                throw new BadFormat(at);
            }
        }
        for (; i < n; i++) {
            int d = line[i] - '0';
            if (d < 0 || d > 9) {
                throw new BadFormat(at);
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    private byte[] bulk(int len) throws IOException, Truncated {
        byte[] b = new byte[Math.min(len, FIRST_CHUNK)];
        int got = 0;
        while (got < len) {
            if (got == b.length) {
                b = Arrays.copyOf(b, (int) Math.min(len, (long) b.length * 2));
            }
            int r = in.read(b, got, b.length - got);
            if (r < 0) {
                throw new Truncated();
            }
            got += r;
            pos += r;
        }
        return b;
    }
}
