package io.pyredis.server.internal.replication;

/**
 * The replication backlog (Redis's repl_backlog): the last {@code size} bytes of the
 * replication stream in a ring, so that a replica whose link dropped can continue from
 * its offset ({@code PSYNC replid offset} answered {@code +CONTINUE}) instead of a full sync.
 * Offsets are those of the stream: the first byte ever fed is offset 1, as in Redis.
 */
final class Backlog {

    private byte[] ring;
    /** Where the next byte goes. */
    private int idx;
    /** The bytes held (at most the ring's size). */
    private long histlen;
    /** The stream offset of the last byte fed (Redis's master_repl_offset). */
    private long endOffset;

    /** An empty backlog of {@code size} bytes whose next byte is stream offset {@code offset + 1}. */
    Backlog(long size, long offset) {
        ring = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(16 * 1024, size))];
        endOffset = offset;
    }

    void feed(byte[] b, int off, int len) {
        endOffset += len;
        histlen = Math.min(ring.length, histlen + len);
        if (len >= ring.length) {
            System.arraycopy(b, off + len - ring.length, ring, 0, ring.length);
            idx = 0;
            return;
        }
        int first = Math.min(len, ring.length - idx);
        System.arraycopy(b, off, ring, idx, first);
        System.arraycopy(b, off + first, ring, 0, len - first);
        idx = (idx + len) % ring.length;
    }

    /** CONFIG SET repl-backlog-size: a new ring, keeping as much of the history as it holds (Redis resizes it so). */
    void resize(long size) {
        int n = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16 * 1024, size));
        if (n == ring.length) {
            return;
        }
        int keep = (int) Math.min(histlen, n);
        byte[] r = new byte[n];
        copyTail(keep, r);
        ring = r;
        histlen = keep;
        idx = keep % n;
    }

    private void copyTail(int count, byte[] to) {
        int start = Math.floorMod(idx - count, ring.length);
        int first = Math.min(count, ring.length - start);
        System.arraycopy(ring, start, to, 0, first);
        System.arraycopy(ring, 0, to, first, count - first);
    }

    /** INFO's repl_backlog_first_byte_offset. */
    long firstByteOffset() {
        return endOffset - histlen + 1;
    }

    long histlen() {
        return histlen;
    }

    long size() {
        return ring.length;
    }

    /** Whether a replica that has processed up to {@code psyncOffset - 1} can continue from here. */
    boolean covers(long psyncOffset) {
        return psyncOffset >= firstByteOffset() && psyncOffset <= endOffset + 1;
    }

    /** The bytes from stream offset {@code from} to the end ({@link #covers} must hold). */
    byte[] from(long from) {
        byte[] out = new byte[(int) (endOffset + 1 - from)];
        copyTail(out.length, out);
        return out;
    }
}
