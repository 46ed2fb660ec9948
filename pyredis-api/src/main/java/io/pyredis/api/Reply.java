package io.pyredis.api;

/**
 * The reply sink of one command. It encodes straight into the connection's outgoing
 * buffer, in RESP2 or RESP3 as the client chose with HELLO; a command calls the methods
 * for the reply it means and does not care which protocol is spoken. Where RESP2 has no
 * such type the RESP2 form Redis uses is written (a map becomes a flat array, a double a
 * bulk string, a boolean an integer, null a null bulk or null array).
 *
 * <p>Aggregates are written as a header followed by their elements:
 * {@code array(2); bulk(a); bulk(b);}. A command writes exactly one reply.
 *
 * @since 0.1
 */
public interface Reply {

    /** The protocol of this client: 2 or 3. */
    int protocol();

    /** {@code +text}; {@code text} must not contain CR or LF. */
    void simple(String text);

    /** {@code +OK} */
    void ok();

    /** {@code -message}; the message starts with its code: {@code "ERR syntax error"}. */
    void error(String message);

    /** The error reply of {@code error}. */
    default void error(RedisError error) {
        error(error.getMessage());
    }

    /** {@code :value} */
    void integer(long value);

    /** A bulk string; a {@code null} array is written as a null bulk. */
    void bulk(byte[] value);

    /** A bulk string of {@code length} bytes of {@code value} from {@code offset}. */
    void bulk(byte[] value, int offset, int length);

    /** A bulk string of the UTF-8 bytes of {@code value}. */
    void bulk(String value);

    /** A bulk string of the decimal form of {@code value} (as Redis replies INCRBYFLOAT-like numbers). */
    void bulk(long value);

    /** The null bulk string: {@code $-1} in RESP2, {@code _} in RESP3. */
    void nullBulk();

    /** The null array: {@code *-1} in RESP2, {@code _} in RESP3. */
    void nullArray();

    /** The header of an array of {@code count} elements. */
    void array(int count);

    /** The header of a map of {@code pairs} key-value pairs (RESP2: an array of {@code 2*pairs}). */
    void map(int pairs);

    /** The header of a set of {@code count} elements (RESP2: an array). */
    void set(int count);

    /** The header of an out-of-band push of {@code count} elements (RESP2: an array). */
    void push(int count);

    /**
     * A double, formatted as Redis 7.0 does ({@code %.17g}, {@code inf}, {@code -inf});
     * a RESP3 double, or a bulk string in RESP2.
     */
    void doubleValue(double value);

    /**
     * A double already formatted as {@code text} (digits, optional sign and dot): a RESP3
     * double, or a bulk string in RESP2, as Redis's {@code addReplyHumanLongDouble} writes
     * GEOPOS's coordinates with 17 decimals rather than {@code %.17g}. The default, for
     * sinks that cannot write a double's text, writes {@code text} as a bulk string in RESP2
     * and the parsed value in RESP3.
     *
     * @since 0.1
     */
    default void doubleValue(String text) {
        if (protocol() == 2) {
            bulk(text);
        } else {
            doubleValue(Double.parseDouble(text));
        }
    }

    /** A boolean: {@code #t}/{@code #f} in RESP3, {@code :1}/{@code :0} in RESP2. */
    void bool(boolean value);

    /**
     * A verbatim string, as INFO and CLIENT INFO reply in RESP3 ({@code =len\r\ntxt:...});
     * a bulk string in RESP2.
     *
     * @param format three letters, {@code "txt"} or {@code "mkd"}
     */
    void verbatim(String format, byte[] text);

    /** A big number in RESP3 ({@code (digits}), a bulk string in RESP2. */
    void bigNumber(String digits);
}
