package io.pyredis.cli.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * redis-cli 7.0's three reply renderings: cliFormatReplyTTY (standard), cliFormatReplyRaw
 * and cliFormatReplyCSV, byte for byte.
 */
public final class ReplyFormatter {

    /** A reply type redis-cli 7.0 has no printer for; it prints "Unknown reply type: N" and exits 1. */
    public static final class UnknownReplyType extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownReplyType(int hiredisType) {
            super("Unknown reply type: " + hiredisType, null, false, false);
        }
    }

    /** hiredis' REDIS_REPLY_BIGNUM, which is what redis-cli 7.0 names in its error. */
    private static final int REDIS_REPLY_BIGNUM = 13;

    private ReplyFormatter() {
    }

    /** The bytes redis-cli writes for one reply in {@code mode} (cliFormatReply). */
    public static byte[] format(Reply r, OutputMode mode, byte[] mbDelim, byte[] cmdDelim) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (mode) {
            case STANDARD -> tty(out, r, "");
            case RAW -> {
                raw(out, r, mbDelim);
                out.writeBytes(cmdDelim);
            }
            case CSV -> {
                csv(out, r);
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** Raw rendering without the command delimiter, as redis-cli prints INFO and friends. */
    public static byte[] rawOnly(Reply r, byte[] mbDelim) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        raw(out, r, mbDelim);
        return out.toByteArray();
    }

    static void tty(ByteArrayOutputStream out, Reply r, String prefix) {
        if (r instanceof Reply.Err e) {
            ascii(out, "(error) ");
            out.writeBytes(cString(e.text()));
            out.write('\n');
        } else if (r instanceof Reply.Status s) {
            out.writeBytes(s.text());
            out.write('\n');
        } else if (r instanceof Reply.Int i) {
            ascii(out, "(integer) " + i.value() + "\n");
        } else if (r instanceof Reply.Dbl d) {
            ascii(out, "(double) " + d.text() + "\n");
        } else if (r instanceof Reply.Bulk b) {
            repr(out, b.data());
            out.write('\n');
        } else if (r instanceof Reply.Verbatim v) {
            out.writeBytes(v.data());
            out.write('\n');
        } else if (r instanceof Reply.Nil) {
            ascii(out, "(nil)\n");
        } else if (r instanceof Reply.Bool b) {
            ascii(out, b.value() ? "(true)\n" : "(false)\n");
        } else if (r instanceof Reply.Agg a) {
            ttyAggregate(out, a, prefix);
        } else {
            throw new UnknownReplyType(REDIS_REPLY_BIGNUM);
        }
    }

    private static void ttyAggregate(ByteArrayOutputStream out, Reply.Agg a, String prefix) {
        List<Reply> items = a.items();
        if (items.isEmpty()) {
            ascii(out, switch (a.kind()) {
                case ARRAY -> "(empty array)\n";
                case MAP -> "(empty hash)\n";
                case SET -> "(empty set)\n";
                case PUSH -> "(empty push)\n";
            });
            return;
        }
        boolean map = a.kind() == Reply.Kind.MAP;
        int entries = map ? items.size() / 2 : items.size();
        int idxlen = Integer.toString(entries).length();
        String childPrefix = prefix + " ".repeat(idxlen + 2);
        char sep = switch (a.kind()) {
            case SET -> '~';
            case MAP -> '#';
            default -> ')';
        };
        for (int e = 0; e < entries; e++) {
            String idx = Integer.toString(e + 1);
            ascii(out, (e == 0 ? "" : prefix) + " ".repeat(idxlen - idx.length()) + idx + sep + " ");
            if (!map) {
                tty(out, items.get(e), childPrefix);
                continue;
            }
            ByteArrayOutputStream key = new ByteArrayOutputStream();
            tty(key, items.get(2 * e), childPrefix);
            byte[] k = key.toByteArray();
            out.write(k, 0, k.length - 1);
            ascii(out, " => ");
            Reply value = items.get(2 * e + 1);
            // redis-cli starts a value that takes several lines on a line of its own.
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            tty(v, value, childPrefix);
            byte[] vb = v.toByteArray();
            if (indexOf(vb, (byte) '\n') < vb.length - 1) {
                out.write('\n');
                ascii(out, childPrefix);
            }
            out.writeBytes(vb);
        }
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }

    static void raw(ByteArrayOutputStream out, Reply r, byte[] mbDelim) {
        if (r instanceof Reply.Nil) {
            return;
        } else if (r instanceof Reply.Err e) {
            out.writeBytes(e.text());
            out.write('\n');
        } else if (r instanceof Reply.Status s) {
            out.writeBytes(s.text());
        } else if (r instanceof Reply.Bulk b) {
            out.writeBytes(b.data());
        } else if (r instanceof Reply.Verbatim v) {
            out.writeBytes(v.data());
        } else if (r instanceof Reply.Bool b) {
            ascii(out, b.value() ? "(true)" : "(false)");
        } else if (r instanceof Reply.Int i) {
            ascii(out, Long.toString(i.value()));
        } else if (r instanceof Reply.Dbl d) {
            ascii(out, d.text());
        } else if (r instanceof Reply.Agg a) {
            List<Reply> items = a.items();
            if (a.kind() == Reply.Kind.MAP) {
                for (int i = 0; i < items.size(); i += 2) {
                    if (i > 0) out.writeBytes(mbDelim);
                    raw(out, items.get(i), mbDelim);
                    out.write(' ');
                    raw(out, items.get(i + 1), mbDelim);
                }
            } else {
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) out.writeBytes(mbDelim);
                    raw(out, items.get(i), mbDelim);
                }
            }
        } else {
            throw new UnknownReplyType(REDIS_REPLY_BIGNUM);
        }
    }

    static void csv(ByteArrayOutputStream out, Reply r) {
        if (r instanceof Reply.Err e) {
            ascii(out, "ERROR,");
            repr(out, cString(e.text()));
        } else if (r instanceof Reply.Status s) {
            repr(out, s.text());
        } else if (r instanceof Reply.Bulk b) {
            repr(out, b.data());
        } else if (r instanceof Reply.Verbatim v) {
            repr(out, v.data());
        } else if (r instanceof Reply.Int i) {
            ascii(out, Long.toString(i.value()));
        } else if (r instanceof Reply.Dbl d) {
            ascii(out, d.text());
        } else if (r instanceof Reply.Nil) {
            ascii(out, "NULL");
        } else if (r instanceof Reply.Bool b) {
            ascii(out, b.value() ? "true" : "false");
        } else if (r instanceof Reply.Agg a) {
            List<Reply> items = a.items();
            for (int i = 0; i < items.size(); i++) {
                csv(out, items.get(i));
                if (i != items.size() - 1) out.write(',');
            }
        } else {
            throw new UnknownReplyType(REDIS_REPLY_BIGNUM);
        }
    }

    /** sdscatrepr: a double-quoted, C-escaped rendering of binary data. */
    public static void repr(ByteArrayOutputStream out, byte[] data) {
        out.write('"');
        for (byte b : data) {
            int c = b & 0xff;
            switch (c) {
                case '\\', '"' -> { out.write('\\'); out.write(c); }
                case '\n' -> ascii(out, "\\n");
                case '\r' -> ascii(out, "\\r");
                case '\t' -> ascii(out, "\\t");
                case 7 -> ascii(out, "\\a");
                case '\b' -> ascii(out, "\\b");
                default -> {
                    if (c >= 0x20 && c < 0x7f) out.write(c);
                    else ascii(out, String.format("\\x%02x", c));
                }
            }
        }
        out.write('"');
    }

    public static String repr(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        repr(out, data);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** redis-cli prints errors with %s: the text stops at a NUL byte. */
    private static byte[] cString(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) return java.util.Arrays.copyOf(b, i);
        }
        return b;
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
