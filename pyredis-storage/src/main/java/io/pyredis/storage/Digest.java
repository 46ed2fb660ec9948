package io.pyredis.storage;

import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.internal.Db;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * DEBUG DIGEST and DIGEST-VALUE with Redis's own algorithm (debug.c's xorDigest,
 * mixDigest, xorObjectDigest, computeDatasetDigest), so that the same dataset has the same
 * digest in pyredis and in Redis: unordered things (keys, set members, hash fields, sorted
 * set elements) are xored together, ordered ones (list elements, a key and its value)
 * are chained through SHA1.
 *
 * @since 0.1
 */
public final class Digest {

    /** Redis's OBJ_* type codes, hashed in front of each value. */
    private static final int OBJ_STRING = 0;
    private static final int OBJ_LIST = 1;
    private static final int OBJ_SET = 2;
    private static final int OBJ_ZSET = 3;
    private static final int OBJ_HASH = 4;
    private static final int OBJ_MODULE = 5;
    private static final int OBJ_STREAM = 6;
    private static final byte[] EXPIRE = "!!expire!!".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha1;

    private Digest() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-1
        }
    }

    /** DEBUG DIGEST: the 40 hex digits of the whole keyspace's digest (all zeros when empty). */
    public static String dataset(Keyspace ks) {
        Digest d = new Digest();
        byte[] fin = new byte[20];
        for (int j = 0; j < ks.databases(); j++) {
            Db db = ks.internalDb(j);
            if (db.size() == 0) {
                continue;
            }
            // The database number, so the same data in another database digests differently.
            d.mix(fin, int32(j));
            db.forEachStored((key, value, expireAt) -> {
                byte[] kv = new byte[20];
                d.mix(kv, key);
                d.object(kv, value, expireAt);
                d.xorSha(fin, kv);
            });
        }
        return hex(fin);
    }

    /** DEBUG DIGEST-VALUE: the digest of {@code key}'s value in database {@code db}, expired or not (zeros when absent). */
    public static String value(Keyspace ks, int db, byte[] key) {
        Digest d = new Digest();
        byte[] out = new byte[20];
        ks.internalDb(db).visitStored(key, (k, value, expireAt) -> d.object(out, value, expireAt));
        return hex(out);
    }

    /** xorObjectDigest. */
    private void object(byte[] digest, RedisValue o, long expireAt) {
        if (o instanceof RedisString s) {
            mix(digest, int32(OBJ_STRING));
            mix(digest, s.bytes());
        } else if (o instanceof RedisList l) {
            mix(digest, int32(OBJ_LIST));
            for (int i = 0, n = l.size(); i < n; i++) {
                mix(digest, l.get(i));
            }
        } else if (o instanceof RedisSet s) {
            mix(digest, int32(OBJ_SET));
            s.forEach(m -> xorSha(digest, m));
        } else if (o instanceof RedisSortedSet z) {
            mix(digest, int32(OBJ_ZSET));
            for (long r = 0, n = z.size(); r < n; r++) {
                byte[] ele = new byte[20];
                mix(ele, z.memberAt(r));
                mix(ele, Numbers.formatDouble(z.scoreAt(r)).getBytes(StandardCharsets.US_ASCII));
                xorSha(digest, ele);
            }
        } else if (o instanceof RedisHash h) {
            mix(digest, int32(OBJ_HASH));
            h.forEach((f, v) -> {
                byte[] ele = new byte[20];
                mix(ele, f);
                mix(ele, v);
                xorSha(digest, ele);
            });
        } else if (o instanceof io.pyredis.api.RedisStream st) {
            mix(digest, int32(OBJ_STREAM));
            var it = st.range(io.pyredis.api.StreamId.MIN, io.pyredis.api.StreamId.MAX, false);
            while (it.hasNext()) {
                var e = it.next();
                mix(digest, (Long.toUnsignedString(e.id().ms()) + "." + Long.toUnsignedString(e.id().seq()))
                        .getBytes(StandardCharsets.US_ASCII));
                for (byte[] b : e.fieldsAndValues()) {
                    mix(digest, b);
                }
            }
        } else {
            // A plugin type: Redis's module type without a digest callback adds nothing more.
            mix(digest, int32(OBJ_MODULE));
        }
        if (expireAt != -1) {
            xorSha(digest, EXPIRE);
        }
    }

    /** xorDigest: digest ^= SHA1(data). */
    private void xorSha(byte[] digest, byte[] data) {
        xor(digest, sha1.digest(data));
    }

    /** mixDigest: digest = SHA1(digest ^ SHA1(data)). */
    private void mix(byte[] digest, byte[] data) {
        xorSha(digest, data);
        System.arraycopy(sha1.digest(digest), 0, digest, 0, 20);
    }

    private static void xor(byte[] into, byte[] other) {
        for (int i = 0; i < 20; i++) {
            into[i] ^= other[i];
        }
    }

    /** htonl: big endian. */
    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static String hex(byte[] d) {
        StringBuilder sb = new StringBuilder(40);
        for (byte b : d) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
