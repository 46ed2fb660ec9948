package io.pyredis.commands.keys;

import io.pyredis.api.Database;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;

/**
 * A BY or GET pattern of SORT, parsed once, with sort.c's lookupKeyByPattern rules: the
 * first {@code *} is replaced by the element, {@code key->field} reads a hash field, and
 * {@code #} is the element itself. Redis finds {@code *}, {@code ->} and {@code #} with C
 * string functions, which stop at the first NUL byte of the pattern; so does this.
 */
final class SortPattern {

    private final boolean self;
    /** Where the {@code *} is, -1 when there is none (then nothing is ever found). */
    private final int star;
    private final byte[] prefix;
    private final byte[] postfix;
    /** The hash field, or null for a string key. */
    private final byte[] field;

    SortPattern(byte[] p) {
        int cEnd = cLength(p);
        self = cEnd == 1 && p[0] == '#';
        star = indexOf(p, cEnd, (byte) '*', 0);
        if (self || star < 0) {
            prefix = postfix = field = null;
            return;
        }
        int arrow = -1;
        for (int i = star + 1; i + 1 < cEnd; i++) {
            if (p[i] == '-' && p[i + 1] == '>') {
                arrow = i;
                break;
            }
        }
        // "->" only names a field when something (a non-NUL byte) follows it.
        int keyEnd = p.length;
        if (arrow >= 0 && arrow + 2 < cEnd) {
            field = java.util.Arrays.copyOfRange(p, arrow + 2, p.length);
            keyEnd = arrow;
        } else {
            field = null;
        }
        prefix = java.util.Arrays.copyOfRange(p, 0, star);
        postfix = java.util.Arrays.copyOfRange(p, star + 1, keyEnd);
    }

    /** Whether a BY pattern makes SORT look weights up (else it does not sort at all). */
    static boolean hasStar(byte[] p) {
        return indexOf(p, cLength(p), (byte) '*', 0) >= 0;
    }

    /** The string or hash field the pattern names for {@code element}, or null. */
    byte[] lookup(Database db, byte[] element) {
        if (self) {
            return element;
        }
        if (star < 0) {
            return null;
        }
        byte[] key = new byte[prefix.length + element.length + postfix.length];
        System.arraycopy(prefix, 0, key, 0, prefix.length);
        System.arraycopy(element, 0, key, prefix.length, element.length);
        System.arraycopy(postfix, 0, key, prefix.length + element.length, postfix.length);
        RedisValue v = db.read(key);
        if (field != null) {
            return v instanceof RedisHash h ? h.get(field) : null;
        }
        return v instanceof RedisString s ? s.bytes() : null;
    }

    private static int cLength(byte[] p) {
        int n = 0;
        while (n < p.length && p[n] != 0) {
            n++;
        }
        return n;
    }

    private static int indexOf(byte[] p, int end, byte b, int from) {
        for (int i = from; i < end; i++) {
            if (p[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
