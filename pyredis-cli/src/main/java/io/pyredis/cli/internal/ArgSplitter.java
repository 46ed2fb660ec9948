package io.pyredis.cli.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** sdssplitargs: how redis-cli splits a typed line into arguments. */
public final class ArgSplitter {

    private ArgSplitter() {
    }

    /** The arguments, or null for unbalanced quotes (redis-cli: "Invalid argument(s)"). */
    public static List<byte[]> split(byte[] line) {
        List<byte[]> args = new ArrayList<>();
        int p = 0;
        int n = line.length;
        while (true) {
            while (p < n && isSpace(line[p])) p++;
            if (p >= n) return args;
            boolean inq = false;
            boolean insq = false;
            boolean done = false;
            ByteArrayOutputStream cur = new ByteArrayOutputStream();
            while (!done) {
                int c = p < n ? line[p] & 0xff : 0;
                int next = p + 1 < n ? line[p + 1] & 0xff : 0;
                if (inq) {
                    if (c == '\\' && next == 'x' && p + 3 < n && isHex(line[p + 2]) && isHex(line[p + 3])) {
                        cur.write(Character.digit(line[p + 2], 16) * 16 + Character.digit(line[p + 3], 16));
                        p += 3;
                    } else if (c == '\\' && next != 0) {
                        p++;
                        cur.write(switch (next) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> 7;
                            default -> next;
                        });
                    } else if (c == '"') {
                        if (next != 0 && !isSpace((byte) next)) return null;
                        done = true;
                    } else if (p >= n) {
                        return null;
                    } else {
                        cur.write(c);
                    }
                } else if (insq) {
                    if (c == '\\' && next == '\'') {
                        p++;
                        cur.write('\'');
                    } else if (c == '\'') {
                        if (next != 0 && !isSpace((byte) next)) return null;
                        done = true;
                    } else if (p >= n) {
                        return null;
                    } else {
                        cur.write(c);
                    }
                } else {
                    switch (c) {
                        case ' ', '\n', '\r', '\t', 0 -> done = true;
                        case '"' -> inq = true;
                        case '\'' -> insq = true;
                        default -> cur.write(c);
                    }
                    // A NUL byte inside the line ends the C string for sdssplitargs.
                    if (c == 0 && p < n) p = n;
                }
                if (p < n) p++;
            }
            args.add(cur.toByteArray());
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == '\f';
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
