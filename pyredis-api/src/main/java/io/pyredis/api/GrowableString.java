package io.pyredis.api;

import java.util.Arrays;

/**
 * A string a write command changes in place, as Redis changes an unshared sds (SETBIT,
 * BITFIELD, APPEND, SETRANGE): a byte array with room to grow beyond the {@link #length}
 * of the value, so that a change costs what it changes, not a copy of the whole string.
 * Its encoding is {@code raw} whatever its length or content, as Redis's is.
 *
 * <p>{@link #bytes()} keeps {@link RedisString}'s promise: the array it returns never
 * changes. When it is this value's own array, the next change copies first. Readers on a
 * hot path (GET, BITCOUNT) use {@link #array()} and {@link #length()} instead, which never
 * copy but are valid only until the value next changes.
 *
 * <p>Only a write command that looked the value up changes it, then calls
 * {@link Database#modified}. Not thread-safe: values live on the command thread.
 *
 * @since 0.1
 */
public final class GrowableString implements RedisString {

    /** The largest byte array the JVM reliably allocates. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;
    /** sds's SDS_MAX_PREALLOC: below it a growing string doubles, above it gains this much. */
    private static final int MAX_PREALLOC = 1024 * 1024;

    private byte[] buf;
    private int length;
    /** Whether {@link #buf} was handed out by {@link #bytes()}, so must not change any more. */
    private boolean shared;

    private GrowableString(byte[] buf, int length, boolean shared) {
        this.buf = buf;
        this.length = length;
        this.shared = shared;
    }

    /** A string of {@code bytes}, which the caller hands over and never changes again. */
    public static GrowableString of(byte[] bytes) {
        return new GrowableString(bytes, bytes.length, false);
    }

    /** A string of {@code length} zero bytes, as Redis's {@code sdsnewlen(NULL, length)}. */
    public static GrowableString zeros(int length) {
        return new GrowableString(new byte[length], length, false);
    }

    /**
     * A growable copy of {@code s} (the value itself when it is one): what a write command
     * about to change a stored string works on, as Redis's {@code dbUnshareStringValue}.
     * The caller stores a new one in place of {@code s}.
     */
    public static GrowableString from(RedisString s) {
        if (s instanceof GrowableString g) {
            return g;
        }
        return new GrowableString(s.array().clone(), s.length(), false);
    }

    /** {@inheritDoc} Copies when the array holds more than the value. */
    @Override
    public byte[] bytes() {
        if (buf.length == length) {
            shared = true;
            return buf;
        }
        return Arrays.copyOf(buf, length);
    }

    /** {@inheritDoc} Never copies; valid until the value next changes. */
    @Override
    public byte[] array() {
        return buf;
    }

    @Override
    public int length() {
        return length;
    }

    /** The bytes the array holds, the value's and those kept free to grow into. */
    public int capacity() {
        return buf.length;
    }

    @Override
    public String encoding() {
        return "raw";
    }

    @Override
    public GrowableString copy() {
        return new GrowableString(Arrays.copyOf(buf, length), length, false);
    }

    /**
     * The array to change bytes {@code [0, length())} in, after making the string at least
     * {@code minLength} bytes long with zeros, as Redis's {@code sdsgrowzero}; valid until
     * the next call. The array may be longer than the value: leave the rest zero.
     *
     * @throws IllegalArgumentException when {@code minLength} exceeds {@link #MAX_LENGTH}
     *                                  (commands check their size limit first)
     */
    public byte[] writable(long minLength) {
        if (minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("string of " + minLength + " bytes");
        }
        int want = (int) Math.max(minLength, length);
        if (want > buf.length) {
            buf = Arrays.copyOf(buf, grown(want));
            shared = false;
        } else if (shared) {
            buf = buf.clone();
            shared = false;
        }
        // The free part is kept zero (see below), so growing needs no fill.
        length = want;
        return buf;
    }

    /** Appends {@code len} bytes of {@code src} from {@code off}. */
    public void append(byte[] src, int off, int len) {
        int at = length;
        byte[] b = writable((long) at + len);
        System.arraycopy(src, off, b, at, len);
    }

    /**
     * The capacity for a string growing to {@code want} bytes: sds's greedy preallocation
     * (double below 1 MB, else 1 MB more), so that a run of small growths is amortized O(1).
     */
    private static int grown(int want) {
        long cap = want < MAX_PREALLOC ? 2L * want : (long) want + MAX_PREALLOC;
        return (int) Math.min(cap, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return "GrowableString[length=" + length + ", capacity=" + buf.length + "]";
    }
}
