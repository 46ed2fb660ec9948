package io.pyredis.storage.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashingTest {

    // Fixed secrets shaped like the random ones (bit 62 and bit 0 set), for repeatable tests.
    private static final long S = 0x2d358dccaa6c78a5L;
    private static final long K1 = 0x4f3c8e1a9b2d6c17L;
    private static final long K2 = 0x6a09e667f3bcc909L;

    @Test
    void equalBytesHashEqually() {
        byte[] a = "key:000000001234".getBytes(UTF_8);
        assertEquals(Hashing.hash(a), Hashing.hash(a.clone()));
    }

    @Test
    void benchmarkStyleKeysRarelyCollide() {
        Set<Integer> hashes = new HashSet<>();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            hashes.add(Hashing.hash(String.format("key:%012d", i).getBytes(UTF_8)));
        }
        // About one 32-bit collision is expected among 100,000 random hashes.
        assertTrue(hashes.size() > n - 20, "distinct: " + hashes.size());
    }

    @Test
    void lengthMattersForZeroFilledKeys() {
        Set<Long> hashes = new HashSet<>();
        for (int len = 0; len <= 64; len++) {
            hashes.add(Hashing.hash64(new byte[len], S, K1, K2));
        }
        assertEquals(65, hashes.size());
    }

    @Test
    void everyByteOfTheKeyMatters() {
        for (int len = 1; len <= 40; len++) {
            byte[] key = new byte[len];
            long base = Hashing.hash64(key, S, K1, K2);
            for (int i = 0; i < len; i++) {
                key[i] = 1;
                assertNotEquals(base, Hashing.hash64(key, S, K1, K2), "len " + len + " byte " + i);
                key[i] = 0;
            }
        }
    }

    @Test
    void theSecretsChangeTheHash() {
        byte[] key = "some key".getBytes(UTF_8);
        long h = Hashing.hash64(key, S, K1, K2);
        assertNotEquals(h, Hashing.hash64(key, S + 1, K1, K2));
        assertNotEquals(h, Hashing.hash64(key, S, K1 + 2, K2));
        assertNotEquals(h, Hashing.hash64(key, S, K1, K2 + 2));
    }
}
