package io.pyredis.commands.hyperloglog;

/**
 * One HyperLogLog in Redis's own string representation (hyperloglog.c), while a command
 * works on it: a 16-byte header ({@code HYLL}, the encoding byte, three unused bytes, the
 * cached cardinality as 8 bytes little endian whose top bit says "invalid"), then either
 * 16384 6-bit registers packed from the low bit up (dense, always 12304 bytes) or a run
 * length code of ZERO ({@code 00xxxxxx}), XZERO ({@code 01xxxxxx xxxxxxxx}) and VAL
 * ({@code 1vvvvvxx}) opcodes (sparse).
 *
 * <p>Stored strings are immutable, so this starts on the stored array and copies it at
 * the first change only: a PFADD that changes no register copies nothing. The bytes are
 * those Redis would have after the same operations (the same opcode splits and merges,
 * the same promotion to dense), so values move between pyredis and Redis unchanged.
 *
 * <p>Redis reads one byte past the data in places (the sds terminator, always 0); here
 * every read past the data gives 0 instead, so no value, however corrupt, reads out of
 * bounds.
 */
final class Hll {

    static final int HDR_SIZE = 16;
    static final int P = 14;
    static final int Q = 64 - P;
    static final int REGISTERS = 1 << P;
    static final int P_MASK = REGISTERS - 1;
    static final int BITS = 6;
    static final int REGISTER_MAX = (1 << BITS) - 1;
    static final int DENSE_SIZE = HDR_SIZE + (REGISTERS * BITS + 7) / 8;
    static final int DENSE = 0;
    static final int SPARSE = 1;
    static final int MAX_ENCODING = 1;

    static final int SPARSE_VAL_MAX_VALUE = 32;
    static final int SPARSE_VAL_MAX_LEN = 4;
    static final int SPARSE_ZERO_MAX_LEN = 64;
    static final int SPARSE_XZERO_MAX_LEN = 16384;

    /** Offset of the cached cardinality's byte holding the "invalid" bit. */
    private static final int CARD_MSB = 15;
    private static final long SEED = 0xadc83b19L;
    private static final double ALPHA_INF = 0.721347520444481703680;

    /** The representation: {@code len} bytes of {@code buf} (which may be longer, for sparse growth). */
    private byte[] buf;
    private int len;
    /** Whether {@code buf} is the stored array, which must not change. */
    private boolean shared;

    private Hll(byte[] buf, int len, boolean shared) {
        this.buf = buf;
        this.len = len;
        this.shared = shared;
    }

    /** A new, empty HLL as Redis's createHLLObject makes it: sparse, one XZERO opcode, cache valid at 0. */
    static Hll create() {
        int xzeros = (REGISTERS + SPARSE_XZERO_MAX_LEN - 1) / SPARSE_XZERO_MAX_LEN;
        byte[] b = new byte[HDR_SIZE + xzeros * 2];
        b[0] = 'H';
        b[1] = 'Y';
        b[2] = 'L';
        b[3] = 'L';
        b[4] = SPARSE;
        int p = HDR_SIZE;
        for (int left = REGISTERS; left > 0; ) {
            int run = Math.min(SPARSE_XZERO_MAX_LEN, left);
            setXzero(b, p, run);
            p += 2;
            left -= run;
        }
        return new Hll(b, b.length, false);
    }

    /** Works on a stored value without copying it (until it changes); {@code bytes} must pass {@link #isValid}. */
    static Hll wrap(byte[] bytes) {
        return new Hll(bytes, bytes.length, true);
    }

    /**
     * Redis's isHLLObjectOrReply test of a string's shape: magic, known encoding, exact
     * length when dense. A sparse value's opcodes are checked where they are used.
     */
    static boolean isValid(byte[] b) {
        return b.length >= HDR_SIZE && b[0] == 'H' && b[1] == 'Y' && b[2] == 'L' && b[3] == 'L'
                && (b[4] & 0xff) <= MAX_ENCODING && (b[4] != DENSE || b.length == DENSE_SIZE);
    }

    int encoding() {
        return buf[4];
    }

    /** The representation, as the string value to store. */
    byte[] bytes() {
        if (len == buf.length) {
            return buf;
        }
        byte[] b = new byte[len];
        System.arraycopy(buf, 0, b, 0, len);
        return b;
    }

    // ------------------------------------------------------------- cache

    boolean cacheValid() {
        return (buf[CARD_MSB] & 0x80) == 0;
    }

    long cachedCardinality() {
        long c = 0;
        for (int i = 7; i >= 0; i--) {
            c = (c << 8) | (buf[8 + i] & 0xff);
        }
        return c;
    }

    void setCachedCardinality(long card) {
        own(len);
        for (int i = 0; i < 8; i++) {
            buf[8 + i] = (byte) (card >>> (8 * i));
        }
    }

    void invalidateCache() {
        if (cacheValid()) {
            own(len);
            buf[CARD_MSB] |= (byte) 0x80;
        }
    }

    /** Makes {@code buf} this object's own, with room for {@code capacity} bytes. */
    private void own(int capacity) {
        if (shared || buf.length < capacity) {
            // A copy of a stored value is exact (most are stored right back); growth beyond that is geometric.
            byte[] b = new byte[shared ? Math.max(capacity, len) : Math.max(capacity, len + (len >> 1))];
            System.arraycopy(buf, 0, b, 0, len);
            buf = b;
            shared = false;
        }
    }

    /** The byte at {@code i}, 0 past the data (where Redis reads the sds terminator). */
    private int at(int i) {
        return i < len ? buf[i] & 0xff : 0;
    }

    // ------------------------------------------------------------- hashing

    /** MurmurHash64A as Redis has it (endian-neutral: words read little endian). */
    static long murmur64a(byte[] key, long seed) {
        final long m = 0xc6a4a7935bd1e995L;
        final int r = 47;
        int n = key.length;
        long h = seed ^ (n * m);
        int end = n - (n & 7);
        for (int i = 0; i < end; i += 8) {
            long k = (key[i] & 0xffL) | (key[i + 1] & 0xffL) << 8 | (key[i + 2] & 0xffL) << 16
                    | (key[i + 3] & 0xffL) << 24 | (key[i + 4] & 0xffL) << 32 | (key[i + 5] & 0xffL) << 40
                    | (key[i + 6] & 0xffL) << 48 | (key[i + 7] & 0xffL) << 56;
            k *= m;
            k ^= k >>> r;
            k *= m;
            h ^= k;
            h *= m;
        }
        int rest = n & 7;
        if (rest > 0) {
            for (int i = rest - 1; i >= 0; i--) {
                h ^= (key[end + i] & 0xffL) << (8 * i);
            }
            h *= m;
        }
        h ^= h >>> r;
        h *= m;
        h ^= h >>> r;
        return h;
    }

    /**
     * Redis's hllPatLen: the register an element goes to (low 14 bits of its hash) and the
     * length of the "000..1" pattern after them (1 to Q+1), packed as
     * {@code index << 8 | count}.
     */
    static int patLen(byte[] element) {
        long hash = murmur64a(element, SEED);
        int index = (int) (hash & P_MASK);
        long rest = (hash >>> P) | (1L << Q);
        int count = Long.numberOfTrailingZeros(rest) + 1;
        return index << 8 | count;
    }

    // ------------------------------------------------------------- dense

    /** Register {@code reg} of dense registers starting at {@code base} of {@code b}; 0 for the byte past the end. */
    static int denseGet(byte[] b, int base, int reg) {
        int byteIdx = base + reg * BITS / 8;
        int fb = reg * BITS & 7;
        int b0 = b[byteIdx] & 0xff;
        int b1 = byteIdx + 1 < b.length ? b[byteIdx + 1] & 0xff : 0;
        return ((b0 >>> fb) | (b1 << (8 - fb))) & REGISTER_MAX;
    }

    /** Sets register {@code reg} to {@code val} (0-63); what falls past the array's end is dropped, as it is 0. */
    static void denseSet(byte[] b, int base, int reg, int val) {
        int byteIdx = base + reg * BITS / 8;
        int fb = reg * BITS & 7;
        int fb8 = 8 - fb;
        b[byteIdx] = (byte) ((b[byteIdx] & ~(REGISTER_MAX << fb)) | (val << fb));
        if (byteIdx + 1 < b.length) {
            b[byteIdx + 1] = (byte) ((b[byteIdx + 1] & ~(REGISTER_MAX >>> fb8)) | (val >>> fb8));
        }
    }

    /** hllDenseSet: raises the register to {@code count} if that is more; whether it did. */
    private boolean denseSetIfMore(int reg, int count) {
        if (count > denseGet(buf, HDR_SIZE, reg)) {
            own(len);
            denseSet(buf, HDR_SIZE, reg, count);
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------- adding

    /**
     * Redis's hllAdd: 1 when a register changed, 0 when none did, -1 when the sparse
     * representation is corrupt. A sparse HLL grows past {@code sparseMaxBytes}
     * ({@code hll-sparse-max-bytes}) by turning dense.
     */
    int add(byte[] element, long sparseMaxBytes) {
        int pl = patLen(element);
        return set(pl >>> 8, pl & 0xff, sparseMaxBytes);
    }

    /** Raises register {@code index} to {@code count}: hllDenseSet or hllSparseSet by encoding. */
    int set(int index, int count, long sparseMaxBytes) {
        if (encoding() == DENSE) {
            return denseSetIfMore(index, count) ? 1 : 0;
        }
        return sparseSet(index, count, sparseMaxBytes);
    }

    /** Redis's hllSparseSet, step for step, so the opcodes come out as Redis's. */
    private int sparseSet(int index, int count, long sparseMaxBytes) {
        if (count > SPARSE_VAL_MAX_VALUE) {
            return promote(index, count);
        }
        // Step 1: find the opcode covering the register.
        int p = HDR_SIZE;
        int end = len;
        int first = 0;
        int prev = -1;
        int span = 0;
        while (p < end) {
            int op = buf[p] & 0xff;
            int oplen = 1;
            if ((op & 0xc0) == 0) {
                span = (op & 0x3f) + 1;
            } else if ((op & 0x80) != 0) {
                span = (op & 0x3) + 1;
            } else {
                span = ((op & 0x3f) << 8 | at(p + 1)) + 1;
                oplen = 2;
            }
            if (index <= first + span - 1) {
                break;
            }
            prev = p;
            p += oplen;
            first += span;
        }
        if (span == 0 || p >= end) {
            return -1;
        }
        int op = buf[p] & 0xff;
        boolean isZero = (op & 0xc0) == 0;
        boolean isXzero = (op & 0xc0) == 0x40;
        boolean isVal = !isZero && !isXzero;
        int next = isXzero ? p + 2 : p + 1;
        if (next >= end) {
            next = -1;
        }
        int runlen = isZero ? (op & 0x3f) + 1 : isXzero ? ((op & 0x3f) << 8 | at(p + 1)) + 1 : (op & 0x3) + 1;

        // Step 2: the cases that change one byte in place.
        if (isVal) {
            int old = ((op >>> 2) & 0x1f) + 1;
            if (old >= count) {
                return 0;
            }
            if (runlen == 1) {
                own(len + 3);
                buf[p] = valOp(count, 1);
                return merged(prev, end);
            }
        }
        if (isZero && runlen == 1) {
            own(len + 3);
            buf[p] = valOp(count, 1);
            return merged(prev, end);
        }

        // The general case: the opcode splits into up to three (XZERO-VAL-XZERO, 5 bytes).
        byte[] seq = new byte[5];
        int n = 0;
        int last = first + span - 1;
        if (isZero || isXzero) {
            if (index != first) {
                n = zeros(seq, n, index - first);
            }
            seq[n++] = valOp(count, 1);
            if (index != last) {
                n = zeros(seq, n, last - index);
            }
        } else {
            int curval = ((op >>> 2) & 0x1f) + 1;
            if (index != first) {
                seq[n++] = valOp(curval, index - first);
            }
            seq[n++] = valOp(count, 1);
            if (index != last) {
                seq[n++] = valOp(curval, last - index);
            }
        }

        // Step 3: put the new sequence in place of the old opcode.
        int oldlen = isXzero ? 2 : 1;
        int delta = n - oldlen;
        if (delta > 0 && (long) len + delta > sparseMaxBytes) {
            return promote(index, count);
        }
        // Redis makes room for 3 more bytes plus the sds terminator, and a corrupt XZERO
        // cut short by the end of the data gets its 5-byte split written up to that
        // terminator: the byte past the new length is written but not part of the value.
        own(len + 4);
        if (delta != 0 && next >= 0) {
            System.arraycopy(buf, next, buf, next + delta, end - next);
        }
        len += delta;
        System.arraycopy(seq, 0, buf, p, n);
        end += delta;
        return merged(prev, end);
    }

    /**
     * Step 4 of hllSparseSet: adjacent VAL opcodes of one value are merged, looking at up
     * to five opcodes from the one before the change; then the cache is invalidated. 1.
     */
    private int merged(int prev, int end) {
        int p = prev >= 0 ? prev : HDR_SIZE;
        int scan = 5;
        while (p < end && scan-- != 0) {
            int op = buf[p] & 0xff;
            if ((op & 0xc0) == 0x40) {
                p += 2;
                continue;
            } else if ((op & 0xc0) == 0) {
                p++;
                continue;
            }
            if (p + 1 < end && (buf[p + 1] & 0x80) != 0) {
                int op2 = buf[p + 1] & 0xff;
                int v1 = ((op >>> 2) & 0x1f) + 1;
                int v2 = ((op2 >>> 2) & 0x1f) + 1;
                if (v1 == v2) {
                    int l = (op & 0x3) + 1 + (op2 & 0x3) + 1;
                    if (l <= SPARSE_VAL_MAX_LEN) {
                        buf[p + 1] = valOp(v1, l);
                        System.arraycopy(buf, p + 1, buf, p, end - p - 1);
                        len--;
                        end--;
                        continue;
                    }
                }
            }
            p++;
        }
        buf[CARD_MSB] |= (byte) 0x80;
        return 1;
    }

    /** The promotion at the end of hllSparseSet: to dense, then the register is set there. */
    private int promote(int index, int count) {
        if (!toDense()) {
            return -1;
        }
        denseSetIfMore(index, count);
        return 1;
    }

    private static byte valOp(int value, int runlen) {
        return (byte) (((value - 1) << 2 | (runlen - 1)) | 0x80);
    }

    /** A ZERO or, for more than 64 registers, an XZERO opcode at {@code n}; the offset after it. */
    private static int zeros(byte[] seq, int n, int runlen) {
        if (runlen > SPARSE_ZERO_MAX_LEN) {
            setXzero(seq, n, runlen);
            return n + 2;
        }
        seq[n] = (byte) (runlen - 1);
        return n + 1;
    }

    private static void setXzero(byte[] b, int p, int runlen) {
        int l = runlen - 1;
        b[p] = (byte) ((l >>> 8) | 0x40);
        b[p + 1] = (byte) l;
    }

    // ------------------------------------------------------------- conversions

    /** What a walk over sparse opcodes does with each VAL run: registers {@code first..first+runlen-1} hold {@code value}. */
    private interface ValRun {
        void run(int first, int runlen, int value);
    }

    /**
     * The walk over sparse opcodes shared by hllSparseToDense, hllMerge and
     * hllSparseRegHisto: each VAL run goes to {@code out}; the walk stops at a VAL run
     * that would pass the last register, as Redis's do, so {@code out} never sees a
     * register out of range. Whether the runs cover exactly the 16384 registers (else
     * the representation is corrupt).
     */
    private static boolean walkSparse(byte[] b, int len, ValRun out) {
        int idx = 0;
        int p = HDR_SIZE;
        while (p < len) {
            int op = b[p] & 0xff;
            if ((op & 0xc0) == 0) {
                idx += (op & 0x3f) + 1;
                p++;
            } else if ((op & 0xc0) == 0x40) {
                idx += ((op & 0x3f) << 8 | (p + 1 < len ? b[p + 1] & 0xff : 0)) + 1;
                p += 2;
            } else {
                int runlen = (op & 0x3) + 1;
                if (runlen + idx > REGISTERS) {
                    break;
                }
                out.run(idx, runlen, ((op >>> 2) & 0x1f) + 1);
                idx += runlen;
                p++;
            }
        }
        return idx == REGISTERS;
    }

    /**
     * Redis's hllSparseToDense: nothing when already dense; false when the runs do not add
     * up to 16384 registers (corrupt), leaving this unchanged. The header is kept (magic
     * and cached cardinality), the encoding byte set to dense.
     */
    boolean toDense() {
        if (encoding() == DENSE) {
            return true;
        }
        byte[] dense = new byte[DENSE_SIZE];
        System.arraycopy(buf, 0, dense, 0, HDR_SIZE);
        dense[4] = DENSE;
        boolean valid = walkSparse(buf, len, (first, runlen, value) -> {
            for (int i = first; i < first + runlen; i++) {
                denseSet(dense, HDR_SIZE, i, value);
            }
        });
        if (!valid) {
            return false;
        }
        buf = dense;
        len = DENSE_SIZE;
        shared = false;
        return true;
    }

    /**
     * Redis's hllMerge of a stored value {@code b} (shaped as {@link #isValid} checks):
     * {@code max[i] = max(max[i], register i)}; false when a sparse representation is
     * corrupt (registers past a bad run are left as they were).
     */
    static boolean mergeInto(byte[] b, byte[] max) {
        if (b[4] == DENSE) {
            mergeDense(b, max);
            return true;
        }
        return walkSparse(b, b.length, (first, runlen, value) -> {
            for (int i = first; i < first + runlen; i++) {
                if (value > max[i]) {
                    max[i] = (byte) value;
                }
            }
        });
    }

    /**
     * The dense case of hllMerge, four registers (three bytes) at a time: the hot loop of
     * PFCOUNT over several keys and of PFMERGE.
     */
    private static void mergeDense(byte[] b, byte[] max) {
        int r = HDR_SIZE;
        for (int i = 0; i < REGISTERS; i += 4, r += 3) {
            int word = (b[r] & 0xff) | (b[r + 1] & 0xff) << 8 | (b[r + 2] & 0xff) << 16;
            int v0 = word & 63;
            int v1 = (word >>> 6) & 63;
            int v2 = (word >>> 12) & 63;
            int v3 = word >>> 18;
            // Math.max, not if: register values are random, so branches would mispredict.
            max[i] = (byte) Math.max(v0, max[i]);
            max[i + 1] = (byte) Math.max(v1, max[i + 1]);
            max[i + 2] = (byte) Math.max(v2, max[i + 2]);
            max[i + 3] = (byte) Math.max(v3, max[i + 3]);
        }
    }

    // ------------------------------------------------------------- counting

    /**
     * Redis's hllCount of this HLL; -1 when the sparse representation is corrupt (its runs
     * do not cover exactly 16384 registers).
     */
    long count() {
        int[] histo = new int[64];
        if (encoding() == DENSE) {
            int r = HDR_SIZE;
            for (int i = 0; i < REGISTERS; i += 4, r += 3) {
                int word = (buf[r] & 0xff) | (buf[r + 1] & 0xff) << 8 | (buf[r + 2] & 0xff) << 16;
                histo[word & 63]++;
                histo[(word >>> 6) & 63]++;
                histo[(word >>> 12) & 63]++;
                histo[word >>> 18]++;
            }
        } else {
            int[] vals = new int[1];
            boolean valid = walkSparse(buf, len, (first, runlen, value) -> {
                histo[value] += runlen;
                vals[0] += runlen;
            });
            if (!valid) {
                return -1;
            }
            histo[0] = REGISTERS - vals[0];
        }
        return estimate(histo);
    }

    /** hllCount of one byte per register (the merge of PFCOUNT over several keys). */
    static long countRaw(byte[] registers) {
        // Four histograms summed at the end: most registers hold the same few values, and
        // one histogram would make each increment wait for the one before.
        int[] h = new int[4 * 64];
        for (int i = 0; i < REGISTERS; i += 4) {
            h[registers[i]]++;
            h[64 + registers[i + 1]]++;
            h[128 + registers[i + 2]]++;
            h[192 + registers[i + 3]]++;
        }
        int[] histo = new int[64];
        for (int j = 0; j < 64; j++) {
            histo[j] = h[j] + h[64 + j] + h[128 + j] + h[192 + j];
        }
        return estimate(histo);
    }

    /**
     * Ertl's improved estimator ("New cardinality estimation algorithms for HyperLogLog
     * sketches", arXiv:1702.01284) from the register histogram, as Redis 7 computes it.
     */
    private static long estimate(int[] histo) {
        double m = REGISTERS;
        double z = m * tau((m - histo[Q + 1]) / m);
        for (int j = Q; j >= 1; --j) {
            z += histo[j];
            z *= 0.5;
        }
        z += m * sigma(histo[0] / m);
        // llroundl: half away from zero, and the value is never negative.
        return Math.round(ALPHA_INF * m * m / z);
    }

    private static double sigma(double x) {
        if (x == 1.) {
            return Double.POSITIVE_INFINITY;
        }
        double zPrime;
        double y = 1;
        double z = x;
        do {
            x *= x;
            zPrime = z;
            z += x * y;
            y += y;
        } while (zPrime != z);
        return z;
    }

    private static double tau(double x) {
        if (x == 0. || x == 1.) {
            return 0.;
        }
        double zPrime;
        double y = 1.0;
        double z = 1 - x;
        do {
            x = Math.sqrt(x);
            zPrime = z;
            y *= 0.5;
            double d = 1 - x;
            z -= d * d * y;
        } while (zPrime != z);
        return z / 3;
    }

    // ------------------------------------------------------------- debugging

    /** The 16384 registers (PFDEBUG GETREG); dense only. */
    int register(int reg) {
        return denseGet(buf, HDR_SIZE, reg);
    }

    /** PFDEBUG DECODE's text of a sparse representation: {@code z:len}, {@code Z:len}, {@code v:value,len}. */
    String decode() {
        StringBuilder sb = new StringBuilder();
        int p = HDR_SIZE;
        while (p < len) {
            int op = buf[p] & 0xff;
            if ((op & 0xc0) == 0) {
                sb.append("z:").append((op & 0x3f) + 1).append(' ');
                p++;
            } else if ((op & 0xc0) == 0x40) {
                sb.append("Z:").append(((op & 0x3f) << 8 | at(p + 1)) + 1).append(' ');
                p += 2;
            } else {
                sb.append("v:").append(((op >>> 2) & 0x1f) + 1).append(',').append((op & 0x3) + 1).append(' ');
                p++;
            }
        }
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == ' ') {
            n--;
        }
        return sb.substring(0, n);
    }
}
