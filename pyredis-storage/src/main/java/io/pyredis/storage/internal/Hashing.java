package io.pyredis.storage.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * The key hash: a wyhash-style function (64x64->128 bit multiply, folded) over 8-byte
 * words, keyed with a per-process random seed. Redis keys siphash with a random seed so
 * that clients cannot choose keys that all land in one bucket; a seeded multiply-fold hash
 * gives the same practical protection (the bucket of a key cannot be predicted without
 * the seed) at a fraction of the cost, which matters on the path of every command. It is
 * not a cryptographic MAC.
 */
public final class Hashing {

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long P0 = 0xa0761d6478bd642fL;

    /*
     * All three are secret: with public multipliers (as in plain wyhash) a key word equal
     * to one of them zeroes the state, after which bucket placement no longer depends on
     * the seed and collisions can be precomputed.
     */
    private static final long SEED;
    private static final long K1;
    private static final long K2;

    static {
        SecureRandom random = new SecureRandom();
        SEED = random.nextLong();
        // A high bit set keeps "len ^ K" from ever being 0 (a zero factor), whatever the length.
        K1 = random.nextLong() | (1L << 62) | 1L;
        K2 = random.nextLong() | (1L << 62) | 1L;
    }

    private Hashing() {
    }

    /** The hash of {@code key}: equal bytes give equal hashes within one process. */
    public static int hash(byte[] key) {
        return (int) hash64(key, SEED, K1, K2);
    }

    /** The 64-bit hash under the given secrets; package-private for tests. */
    static long hash64(byte[] key, long seed, long k1, long k2) {
        int len = key.length;
        long h = seed ^ mum(seed ^ P0, len ^ k1);
        int i = 0;
        for (; len - i > 16; i += 16) {
            h = mum((long) LONGS.get(key, i) ^ k1, (long) LONGS.get(key, i + 8) ^ h);
        }
        int rem = len - i;
        long a;
        long b;
        if (rem >= 8) {
            // 8..16 bytes: two words that may overlap; the length (mixed in above)
            // tells the overlaps apart.
            a = (long) LONGS.get(key, i);
            b = (long) LONGS.get(key, len - 8);
        } else if (rem >= 4) {
            a = (int) INTS.get(key, i) & 0xffffffffL;
            b = (int) INTS.get(key, len - 4) & 0xffffffffL;
        } else if (rem > 0) {
            a = ((key[i] & 0xffL) << 16) | ((key[i + (rem >> 1)] & 0xffL) << 8) | (key[len - 1] & 0xffL);
            b = 0;
        } else {
            a = 0;
            b = 0;
        }
        return mum(k2 ^ len, mum(a ^ k1, b ^ h));
    }

    private static long mum(long a, long b) {
        return (a * b) ^ Math.multiplyHigh(a, b);
    }
}
