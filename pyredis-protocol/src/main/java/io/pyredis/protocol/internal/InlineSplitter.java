package io.pyredis.protocol.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an inline request line into arguments exactly as Redis's {@code sdssplitargs} does:
 * blanks separate; {@code "double quotes"} know {@code \n \r \t \b \a \xHH} and take any other
 * escaped char literally; {@code 'single quotes'} know only {@code \'}; a closing quote must be
 * followed by a blank or the end. A quote may open inside a word ({@code a"b c"} is {@code ab c}).
 */
public final class InlineSplitter {

    private static final byte[][] NONE = new byte[0][];

    private InlineSplitter() {
    }

    /**
     * The arguments of {@code s[from, to)}, a line without its {@code \n} (a final {@code \r} is
     * dropped here) and without NUL bytes; an empty array for a blank line; null when quotes are
     * unbalanced.
     */
    public static byte[][] split(byte[] s, int from, int to) {
        if (to > from && s[to - 1] == '\r') {
            to--;
        }
        List<byte[]> out = null;
        byte[] cur = new byte[32];
        int p = from;
        while (true) {
            while (p < to && isSpace(s[p])) {
                p++;
            }
            if (p >= to) {
                return out == null ? NONE : out.toArray(NONE);
            }
            boolean inq = false;
            boolean insq = false;
            boolean done = false;
            int n = 0;
            while (!done) {
                int c = at(s, p, to);
                int c1 = at(s, p + 1, to);
                int add = -1;
                if (inq) {
                    if (c == '\\' && c1 == 'x' && isHex(at(s, p + 2, to)) && isHex(at(s, p + 3, to))) {
                        add = hex(at(s, p + 2, to)) * 16 + hex(at(s, p + 3, to));
                        p += 3;
                    } else if (c == '\\' && c1 != 0) {
                        p++;
                        add = switch (c1) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> 7;
                            default -> c1;
                        };
                    } else if (c == '"') {
                        if (c1 != 0 && !isSpace((byte) c1)) {
                            return null;
                        }
                        done = true;
                    } else if (c == 0) {
                        return null;
                    } else {
                        add = c;
                    }
                } else if (insq) {
                    if (c == '\\' && c1 == '\'') {
                        p++;
                        add = '\'';
                    } else if (c == '\'') {
                        if (c1 != 0 && !isSpace((byte) c1)) {
                            return null;
                        }
                        done = true;
                    } else if (c == 0) {
                        return null;
                    } else {
                        add = c;
                    }
                } else {
                    switch (c) {
                        case ' ', '\n', '\r', '\t', 0 -> done = true;
                        case '"' -> inq = true;
                        case '\'' -> insq = true;
                        default -> add = c;
                    }
                }
                if (add >= 0) {
                    if (n == cur.length) {
                        cur = Arrays.copyOf(cur, n * 2);
                    }
                    cur[n++] = (byte) add;
                }
                if (p < to) {
                    p++;
                }
            }
            if (out == null) {
                out = new ArrayList<>(4);
            }
            out.add(Arrays.copyOf(cur, n));
        }
    }

    /** The byte at {@code i} as 0..255, or 0 past the end (the C string's NUL). */
    private static int at(byte[] s, int i, int to) {
        return i < to ? s[i] & 0xFF : 0;
    }

    /** C's isspace in the C locale. */
    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hex(int c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }
}
