package io.pyredis.commands.sortedsets;

import java.nio.charset.StandardCharsets;

/** Expected replies, spelled as the bytes on the wire. */
final class Resp {

    static final String OK = "+OK\r\n";
    static final String NIL = "$-1\r\n";
    static final String EMPTY = "$0\r\n\r\n";
    static final String SYNTAX = "-ERR syntax error\r\n";
    static final String WRONGTYPE = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";
    static final String NOT_INTEGER = "-ERR value is not an integer or out of range\r\n";
    static final String NOT_FLOAT = "-ERR value is not a valid float\r\n";

    private Resp() {
    }

    static String bulk(String s) {
        return "$" + s.getBytes(StandardCharsets.UTF_8).length + "\r\n" + s + "\r\n";
    }

    static String integer(long n) {
        return ":" + n + "\r\n";
    }

    static String err(String message) {
        return "-" + message + "\r\n";
    }

    static String array(String... elements) {
        return "*" + elements.length + "\r\n" + String.join("", elements);
    }
}
