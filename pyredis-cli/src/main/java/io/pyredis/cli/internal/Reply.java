package io.pyredis.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A reply as the CLI sees it, after hiredis' model: aggregates keep their RESP3 kind because
 * redis-cli prints arrays, sets, maps and pushes differently.
 */
public sealed interface Reply {

    /** {@code +OK}. */
    record Status(byte[] text) implements Reply {
        @Override public String toString() { return "Status[" + str(text) + "]"; }
    }

    /** {@code -ERR ...} or RESP3 {@code !} blob error. */
    record Err(byte[] text) implements Reply {
        @Override public String toString() { return "Err[" + str(text) + "]"; }
    }

    record Int(long value) implements Reply { }

    /** Bulk string; {@code $-1} is {@link Nil}. */
    record Bulk(byte[] data) implements Reply {
        @Override public String toString() { return "Bulk[" + str(data) + "]"; }
    }

    /** RESP2 null bulk / null array, RESP3 {@code _}. */
    record Nil() implements Reply { }

    /** RESP3 double, kept as the server wrote it: redis-cli prints the text, not a parsed value. */
    record Dbl(String text) implements Reply { }

    record Bool(boolean value) implements Reply { }

    /** RESP3 big number (redis-cli 7.0 cannot print it: "Unknown reply type: 13"). */
    record BigNum(String text) implements Reply { }

    /** RESP3 verbatim string; {@code data} is without the {@code txt:} format prefix. */
    record Verbatim(String format, byte[] data) implements Reply {
        @Override public String toString() { return "Verbatim[" + str(data) + "]"; }
    }

    /** Arrays, sets, pushes and maps; a map's items alternate key, value. */
    record Agg(Kind kind, List<Reply> items) implements Reply { }

    enum Kind { ARRAY, SET, MAP, PUSH }

    /** Text of a string-like reply (status, bulk, verbatim, error, double), else null. */
    static String text(Reply r) {
        if (r instanceof Bulk b) return str(b.data());
        if (r instanceof Status s) return str(s.text());
        if (r instanceof Verbatim v) return str(v.data());
        if (r instanceof Err e) return str(e.text());
        if (r instanceof Dbl d) return d.text();
        if (r instanceof Int i) return Long.toString(i.value());
        return null;
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
