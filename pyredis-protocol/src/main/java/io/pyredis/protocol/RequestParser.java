package io.pyredis.protocol;

import io.pyredis.protocol.internal.InlineSplitter;
import java.util.Arrays;
import java.util.Objects;

/**
 * Incremental RESP request parser with Redis 7.0's semantics ({@code processMultibulkBuffer}
 * and {@code processInlineBuffer} in networking.c), one per connection.
 *
 * <p>A request whose first byte is {@code *} is multibulk ({@code *<n>\r\n} then n times
 * {@code $<len>\r\n<bytes>\r\n}); any other is an inline line, split like {@code sdssplitargs}.
 * The parser never blocks and never looks at input again once consumed: partial bulk
 * payloads are copied into the request being built, partial numbers are kept in its state.
 * Its result is the same for any split of the input.
 *
 * <p>Like Redis it is lenient where Redis is: the byte after a header's {@code \r} and the two
 * bytes after a bulk payload are skipped unchecked, and a NUL byte in a header or inline line
 * hides its terminator (Redis uses {@code strchr}), so such a line ends only in a "too big"
 * error. A count {@code <= 0} is an empty request: consumed, skipped, no request produced;
 * so is an inline line of only blanks.
 *
 * <p>Where Redis depends on how reads split the input, this parser picks the split-free rule:
 * a header or inline line is refused ("too big ...") as soon as it has more than
 * {@link RespLimits#maxInlineLength()} bytes before its terminator (Redis checks only at read
 * boundaries, so it may let a line up to one 16 KB read longer through), and a request is refused
 * once its bytes exceed {@link RespLimits#queryBufferLimit()} (a {@linkplain ProtocolException#silent()
 * silent} error: Redis closes such a client without a reply).
 *
 * <p>Usage: {@code n = feed(buf, off, len)}; then {@code take()} returns the completed request
 * (or null if the bytes ran out first); call {@code feed} again with the rest. After a
 * {@link ProtocolException} the connection must be closed; further calls throw it again.
 *
 * <p>Not thread-safe.
 *
 * @since 0.1
 */
public final class RequestParser {

    /** A bulk at most this long is allocated whole when its header arrives; longer ones grow as data arrives. */
    private static final int EAGER_BULK = 64 * 1024;
    /** The argument array starts at most this long (Redis: min(count, 1024)) and doubles as arguments arrive. */
    private static final int INITIAL_ARGS = 1024;
    /** Redis refuses longer numbers in string2ll (LONG_STR_SIZE). */
    private static final int LONG_STR_SIZE = 21;
    /** The longest Java array we can hand out; a bulk length beyond it is refused as invalid. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int UNAUTH_MAX_ARGS = 10;
    private static final int UNAUTH_MAX_BULK = 16384;
    private static final byte[] EMPTY = new byte[0];

    static final String INVALID_MULTIBULK = "Protocol error: invalid multibulk length";
    static final String UNAUTH_MULTIBULK = "Protocol error: unauthenticated multibulk length";
    static final String INVALID_BULK = "Protocol error: invalid bulk length";
    static final String UNAUTH_BULK = "Protocol error: unauthenticated bulk length";
    static final String TOO_BIG_MBULK = "Protocol error: too big mbulk count string";
    static final String TOO_BIG_BULK = "Protocol error: too big bulk count string";
    static final String TOO_BIG_INLINE = "Protocol error: too big inline request";
    static final String UNBALANCED = "Protocol error: unbalanced quotes in request";
    static final String QUERY_BUFFER = "Closing client that reached max query buffer length";

    private enum State {
        /** Before the first byte of a request. */
        START,
        /** In the digits of {@code *<n>}. */
        COUNT,
        /** After the count's CR: one byte to skip. */
        COUNT_LF,
        /** Before the first byte of a bulk header (should be {@code $}). */
        BULK_FIRST,
        /** In the digits of {@code $<len>}. */
        BULK_LEN,
        /** After the bulk header's CR: one byte to skip. */
        BULK_LEN_LF,
        /** In a bulk payload. */
        BULK_DATA,
        /** The two bytes after a bulk payload. */
        BULK_CRLF,
        /** In an inline line. */
        INLINE
    }

    private final RespLimits limits;
    private final long maxBulk;
    private boolean authRequired;

    private State state = State.START;
    /** Bytes of the current request consumed so far, against client-query-buffer-limit. */
    private long requestBytes;

    // Header line in progress.
    private int lineLen;
    private boolean stalled;
    private byte firstByte;
    private long num;
    private int numLen;
    private boolean numNeg;
    private boolean numZero;
    private boolean numBad;

    // Multibulk request in progress.
    private byte[][] args;
    private int argc;
    private long remaining;
    private byte[] bulk;
    private int bulkLen;
    private int bulkFill;
    private int skip;

    // Inline line in progress (only when it spans feeds).
    private byte[] line = EMPTY;
    private int lineFill;

    private byte[][] completed;
    private ProtocolException failure;

    /** A parser enforcing {@code limits}. */
    public RequestParser(RespLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.maxBulk = Math.min(limits.maxBulkLength(), MAX_ARRAY);
    }

    /**
     * While true (the client has not authenticated and a password is required), multibulk
     * requests are limited as Redis 7.0 limits them: more than 10 arguments is
     * {@code Protocol error: unauthenticated multibulk length}, a bulk longer than 16384 bytes
     * {@code Protocol error: unauthenticated bulk length}. Inline requests are not limited.
     * Checked when each header is parsed, so set it before feeding the next request.
     */
    public void setAuthRequired(boolean authRequired) {
        this.authRequired = authRequired;
    }

    /**
     * Consumes bytes from {@code buf[off, off+len)}, stopping at the end of one complete
     * request at most. Returns the number of bytes consumed; when a request completed,
     * {@link #take()} returns it. Every byte consumed is kept in the parser's state as needed:
     * the caller may reuse {@code buf} right away.
     *
     * @throws ProtocolException     on malformed input, with Redis's message
     * @throws IllegalStateException if the previous request was not taken
     */
    public int feed(byte[] buf, int off, int len) throws ProtocolException {
        if (failure != null) {
            throw failure;
        }
        if (completed != null) {
            throw new IllegalStateException("take() the completed request first");
        }
        Objects.checkFromIndexSize(off, len, buf.length);
        final int end = off + len;
        int p = off;
        while (p < end) {
            final int start = p;
            switch (state) {
                case START -> {
                    requestBytes = 0;
                    if (buf[p] == '*') {
                        p++;
                        beginHeader();
                        state = State.COUNT;
                    } else {
                        lineFill = 0;
                        stalled = false;
                        state = State.INLINE;
                    }
                }
                case COUNT -> p = scanHeader(buf, p, end, State.COUNT_LF, TOO_BIG_MBULK);
                case COUNT_LF -> {
                    p++;
                    endCount();
                }
                case BULK_FIRST -> {
                    byte b = buf[p++];
                    beginHeader();
                    firstByte = b;
                    if (b == '\r') {
                        state = State.BULK_LEN_LF;
                    } else {
                        stalled = b == 0;
                        state = State.BULK_LEN;
                    }
                }
                case BULK_LEN -> p = scanHeader(buf, p, end, State.BULK_LEN_LF, TOO_BIG_BULK);
                case BULK_LEN_LF -> {
                    p++;
                    endBulkHeader();
                }
                case BULK_DATA -> p = readBulk(buf, p, end);
                case BULK_CRLF -> {
                    int n = Math.min(skip, end - p);
                    p += n;
                    skip -= n;
                    if (skip == 0) {
                        endBulk();
                    }
                }
                case INLINE -> p = readInline(buf, p, end);
            }
            requestBytes += p - start;
            if (requestBytes > limits.queryBufferLimit()) {
                throw fail(new ProtocolException(QUERY_BUFFER, true));
            }
            if (completed != null) {
                break;
            }
        }
        return p - off;
    }

    /** The request completed by the last {@link #feed}, or null; clears it. */
    public byte[][] take() {
        byte[][] r = completed;
        completed = null;
        return r;
    }

    private ProtocolException fail(ProtocolException e) {
        failure = e;
        args = null;
        bulk = null;
        line = EMPTY;
        return e;
    }

    private ProtocolException fail(String message) {
        return fail(new ProtocolException(message));
    }

    private void beginHeader() {
        lineLen = 1;
        stalled = false;
        num = 0;
        numLen = 0;
        numNeg = false;
        numZero = false;
        numBad = false;
    }

    /** Reads header bytes up to CR (exclusive of it), parsing the number as string2ll would. */
    private int scanHeader(byte[] buf, int p, int end, State next, String tooBig) throws ProtocolException {
        final int max = limits.maxInlineLength();
        while (p < end) {
            byte b = buf[p];
            if (b == '\r' && !stalled) {
                state = next;
                return p + 1;
            }
            if (b == 0) {
                stalled = true;
            } else if (!stalled) {
                digit(b);
            }
            p++;
            if (++lineLen > max) {
                throw fail(tooBig);
            }
        }
        return p;
    }

    /** One more character of a number, with string2ll's rules (no '+', no leading zeros, no "-0"). */
    private void digit(byte b) {
        int i = numLen++;
        if (numBad) {
            return;
        }
        if (numLen >= LONG_STR_SIZE) {
            numBad = true;
            return;
        }
        if (i == 0) {
            if (b == '-') {
                numNeg = true;
            } else if (b == '0') {
                numZero = true;
            } else if (b >= '1' && b <= '9') {
                num = -(b - '0');
            } else {
                numBad = true;
            }
            return;
        }
        if (numZero || b < '0' || b > '9' || (i == 1 && numNeg && b == '0')) {
            numBad = true;
            return;
        }
        // Accumulate negatively, as Long.parseLong does, so Long.MIN_VALUE fits.
        int d = b - '0';
        long limit = numNeg ? Long.MIN_VALUE : -Long.MAX_VALUE;
        if (num < limit / 10) {
            numBad = true;
            return;
        }
        num *= 10;
        if (num < limit + d) {
            numBad = true;
            return;
        }
        num -= d;
    }

    private boolean numValid() {
        return !numBad && numLen > 0 && !(numNeg && numLen == 1);
    }

    private long numValue() {
        return numNeg ? num : -num;
    }

    private void endCount() throws ProtocolException {
        long n = numValue();
        if (!numValid() || n > limits.maxMultibulkLength()) {
            throw fail(INVALID_MULTIBULK);
        }
        if (n > UNAUTH_MAX_ARGS && authRequired) {
            throw fail(UNAUTH_MULTIBULK);
        }
        if (n <= 0) {
            state = State.START;
            return;
        }
        remaining = n;
        argc = 0;
        args = new byte[(int) Math.min(n, INITIAL_ARGS)][];
        state = State.BULK_FIRST;
    }

    private void endBulkHeader() throws ProtocolException {
        if (firstByte != '$') {
            // addReplyErrorFormat turns CR and LF into spaces.
            char c = firstByte == '\r' || firstByte == '\n' ? ' ' : (char) (firstByte & 0xFF);
            throw fail("Protocol error: expected '$', got '" + c + "'");
        }
        long n = numValue();
        if (!numValid() || n < 0 || n > maxBulk) {
            throw fail(INVALID_BULK);
        }
        if (n > UNAUTH_MAX_BULK && authRequired) {
            throw fail(UNAUTH_BULK);
        }
        bulkLen = (int) n;
        bulkFill = 0;
        bulk = null;
        state = State.BULK_DATA;
    }

    private int readBulk(byte[] buf, int p, int end) {
        int avail = end - p;
        if (bulk == null) {
            if (avail >= bulkLen) {
                bulk = bulkLen == 0 ? EMPTY : Arrays.copyOfRange(buf, p, p + bulkLen);
                bulkFill = bulkLen;
                if (avail >= bulkLen + 2) {
                    // The usual case: payload and its CRLF are here, finish the argument now.
                    endBulk();
                    return p + bulkLen + 2;
                }
                skip = 2;
                state = State.BULK_CRLF;
                return p + bulkLen;
            }
            // Do not trust the declared length with memory before the bytes arrive.
            bulk = new byte[bulkLen <= EAGER_BULK ? bulkLen : Math.min(bulkLen, Math.max(EAGER_BULK, avail))];
        }
        int n = Math.min(avail, bulkLen - bulkFill);
        if (bulkFill + n > bulk.length) {
            long grown = Math.max(2L * bulk.length, (long) bulkFill + n);
            bulk = Arrays.copyOf(bulk, (int) Math.min(grown, bulkLen));
        }
        System.arraycopy(buf, p, bulk, bulkFill, n);
        bulkFill += n;
        if (bulkFill == bulkLen) {
            skip = 2;
            state = State.BULK_CRLF;
        }
        return p + n;
    }

    private void endBulk() {
        if (argc == args.length) {
            // argc + remaining is the declared count: never grow past it.
            args = Arrays.copyOf(args, (int) Math.min(2L * args.length, argc + remaining));
        }
        args[argc++] = bulk;
        bulk = null;
        if (--remaining == 0) {
            completed = args;
            args = null;
            state = State.START;
        } else {
            state = State.BULK_FIRST;
        }
    }

    private int readInline(byte[] buf, int p, int end) throws ProtocolException {
        int i = p;
        while (i < end) {
            byte b = buf[i];
            if (b == '\n' && !stalled) {
                break;
            }
            if (b == 0) {
                stalled = true;
            }
            i++;
        }
        int chunk = i - p;
        if ((long) lineFill + chunk > limits.maxInlineLength()) {
            throw fail(TOO_BIG_INLINE);
        }
        if (i == end) {
            if (!stalled) {
                appendLine(buf, p, chunk);
            }
            lineFill += stalled ? chunk : 0;
            return end;
        }
        byte[][] request;
        if (lineFill == 0) {
            request = InlineSplitter.split(buf, p, i);
        } else {
            appendLine(buf, p, chunk);
            request = InlineSplitter.split(line, 0, lineFill);
            lineFill = 0;
            if (line.length > 4096) {
                line = EMPTY;
            }
        }
        if (request == null) {
            throw fail(UNBALANCED);
        }
        state = State.START;
        if (request.length > 0) {
            completed = request;
        }
        return i + 1;
    }

    private void appendLine(byte[] buf, int p, int n) {
        if (lineFill + n > line.length) {
            line = Arrays.copyOf(line, Math.max(lineFill + n, Math.max(256, line.length * 2)));
        }
        System.arraycopy(buf, p, line, lineFill, n);
        lineFill += n;
    }
}
