package io.pyredis.commands.scripting;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Redis's sha1hex: the SHA1 of bytes as 40 lower-case hex digits (script names, redis.sha1hex). */
final class Sha1 {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Sha1() {
    }

    static String hex(byte[] b, int off, int len) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(b, off, len);
        byte[] d = md.digest();
        char[] out = new char[40];
        for (int i = 0; i < 20; i++) {
            out[2 * i] = HEX[(d[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[d[i] & 0xF];
        }
        return new String(out);
    }

    static String hex(byte[] b) {
        return hex(b, 0, b.length);
    }
}
