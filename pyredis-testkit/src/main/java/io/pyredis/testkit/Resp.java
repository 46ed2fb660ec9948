package io.pyredis.testkit;

import java.nio.charset.StandardCharsets;

/** Expected replies in the packs' tests, spelled as the bytes on the wire. */
public final class Resp {

    public static final String OK = "+OK\r\n";
    public static final String NIL = "$-1\r\n";
    public static final String EMPTY = "$0\r\n\r\n";
    public static final String SYNTAX = "-ERR syntax error\r\n";
    public static final String WRONGTYPE = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";
    public static final String NOT_INTEGER = "-ERR value is not an integer or out of range\r\n";
    public static final String NOT_FLOAT = "-ERR value is not a valid float\r\n";
    public static final String NULL_ARRAY = "*-1\r\n";
    public static final String EMPTY_ARRAY = "*0\r\n";

    private Resp() {
    }

    public static String bulk(String s) {
        return "$" + s.getBytes(StandardCharsets.UTF_8).length + "\r\n" + s + "\r\n";
    }

    public static String integer(long n) {
        return ":" + n + "\r\n";
    }

    public static String err(String message) {
        return "-" + message + "\r\n";
    }

    /** An array of bulk strings. */
    public static String bulks(String... elements) {
        StringBuilder sb = new StringBuilder("*").append(elements.length).append("\r\n");
        for (String e : elements) {
            sb.append(bulk(e));
        }
        return sb.toString();
    }

    public static String array(String... elements) {
        return "*" + elements.length + "\r\n" + String.join("", elements);
    }
}
