package io.pyredis.protocol;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One reply as a client sees it, RESP2 or RESP3, parsed by {@link RespReader}.
 *
 * <p>The records are named after RESP's types; some share a simple name with a
 * {@code java.lang} or {@code java.util} type, so refer to them qualified
 * ({@code RespValue.Integer}) rather than importing them.
 *
 * @since 0.1
 */
public sealed interface RespValue {

    /** {@code +text} */
    record SimpleString(String value) implements RespValue {
        public SimpleString {
            Objects.requireNonNull(value);
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** {@code -message} (or RESP3's blob error {@code !len}); the message starts with its code. */
    record Error(String message) implements RespValue {
        public Error {
            Objects.requireNonNull(message);
        }

        /** The first word of the message: {@code ERR}, {@code WRONGTYPE}, ... */
        public String code() {
            int sp = message.indexOf(' ');
            return sp < 0 ? message : message.substring(0, sp);
        }
    }

    /** {@code :n} */
    record Integer(long value) implements RespValue {
    }

    /** {@code $len} binary-safe string. Equality compares the bytes. */
    record BulkString(byte[] value) implements RespValue {
        public BulkString {
            Objects.requireNonNull(value);
        }

        /** A bulk string of the UTF-8 bytes of {@code s}. */
        public static BulkString of(String s) {
            return new BulkString(s.getBytes(StandardCharsets.UTF_8));
        }

        /** The bytes decoded as UTF-8. */
        public String asString() {
            return new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BulkString b && java.util.Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "BulkString[" + asString() + "]";
        }
    }

    /** {@code *n} followed by n values. */
    record Array(java.util.List<RespValue> elements) implements RespValue {
        public Array {
            elements = java.util.List.copyOf(elements);
        }
    }

    /** RESP3 {@code %n}: n key-value pairs, in wire order (keys may repeat). */
    record Map(java.util.List<java.util.Map.Entry<RespValue, RespValue>> entries) implements RespValue {
        public Map {
            entries = java.util.List.copyOf(entries);
        }

        /** The value of the first entry whose key is a simple or bulk string equal to {@code key}, or null. */
        public RespValue get(String key) {
            for (java.util.Map.Entry<RespValue, RespValue> e : entries) {
                RespValue k = e.getKey();
                if ((k instanceof SimpleString s && s.value().equals(key))
                        || (k instanceof BulkString b && b.asString().equals(key))) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    /** RESP3 {@code ~n}, in wire order. */
    record Set(java.util.List<RespValue> elements) implements RespValue {
        public Set {
            elements = java.util.List.copyOf(elements);
        }
    }

    /** RESP3 out-of-band {@code >n}. */
    record Push(java.util.List<RespValue> elements) implements RespValue {
        public Push {
            elements = java.util.List.copyOf(elements);
        }
    }

    /** RESP3 {@code ,d}, including {@code inf}, {@code -inf} and {@code nan}. */
    record Double(double value) implements RespValue {
    }

    /** RESP3 {@code #t} / {@code #f}. */
    record Boolean(boolean value) implements RespValue {
    }

    /**
     * A null: {@code type} is {@code '$'} for RESP2's null bulk {@code $-1}, {@code '*'} for
     * RESP2's null array {@code *-1}, {@code '_'} for RESP3's null.
     */
    record Null(char type) implements RespValue {
        /** RESP2 {@code $-1} */
        public static final Null BULK = new Null('$');
        /** RESP2 {@code *-1} */
        public static final Null ARRAY = new Null('*');
        /** RESP3 {@code _} */
        public static final Null RESP3 = new Null('_');

        public Null {
            if (type != '$' && type != '*' && type != '_') {
                throw new IllegalArgumentException("null type: " + type);
            }
        }
    }

    /** RESP3 {@code (digits}. */
    record BigNumber(BigInteger value) implements RespValue {
        public BigNumber {
            Objects.requireNonNull(value);
        }
    }

    /** RESP3 {@code =len\r\nfmt:text}: {@code format} is the three letters ({@code txt}, {@code mkd}). */
    record Verbatim(String format, byte[] text) implements RespValue {
        public Verbatim {
            Objects.requireNonNull(format);
            Objects.requireNonNull(text);
        }

        /** The text decoded as UTF-8. */
        public String textString() {
            return new String(text, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Verbatim v && format.equals(v.format) && java.util.Arrays.equals(text, v.text);
        }

        @Override
        public int hashCode() {
            return format.hashCode() * 31 + java.util.Arrays.hashCode(text);
        }

        @Override
        public String toString() {
            return "Verbatim[" + format + ":" + textString() + "]";
        }
    }

    /** RESP3 {@code |n} attributes and the value they describe, which followed them on the wire. */
    record Attribute(java.util.List<java.util.Map.Entry<RespValue, RespValue>> attributes, RespValue value)
            implements RespValue {
        public Attribute {
            attributes = java.util.List.copyOf(attributes);
            Objects.requireNonNull(value);
        }
    }
}
