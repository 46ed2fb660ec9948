package io.pyredis.support;

import io.pyredis.api.KeyRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Key finders for {@code Command.keys}, for calls whose keys the key specs cannot find: the
 * shape Redis's genericGetKeys reads, {@code COMMAND [destkey] numkeys key [key ...] ...},
 * shared by ZUNIONSTORE, SINTERCARD, LMPOP and the like.
 *
 * @since 0.1
 */
public final class CallKeys {

    private CallKeys() {
    }

    /**
     * Redis's genericGetKeys: {@code numkeys} keys from {@code firstKey} every
     * {@code keyStep}, the count read at {@code keyCount} (as C's atoi), then the
     * destination key at {@code storeKey} (0: none); no keys when the count is below 1 or
     * more than the arguments hold (the command will answer with an error). The flags are
     * not known here: they come back empty, as Redis's.
     */
    public static List<KeyRef> numkeys(byte[][] args, int storeKey, int keyCount, int firstKey, int keyStep) {
        int argc = args.length;
        long num = keyCount < argc ? atoi(args[keyCount]) : 0;
        if (num < 1 || num > (argc - firstKey) / keyStep) {
            return List.of();
        }
        List<KeyRef> keys = new ArrayList<>((int) num + 1);
        for (int i = 0; i < num; i++) {
            keys.add(new KeyRef(firstKey + i * keyStep, Set.of()));
        }
        if (storeKey != 0) {
            keys.add(new KeyRef(storeKey, Set.of()));
        }
        return keys;
    }

    /** C's atoi: leading blanks, a sign, the digits up to the first other character; 0 when none. */
    static long atoi(byte[] b) {
        int i = 0;
        while (i < b.length && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) {
            i++;
        }
        boolean negative = false;
        if (i < b.length && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long v = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9' && v < Integer.MAX_VALUE) {
            v = v * 10 + (b[i++] - '0');
        }
        return negative ? -v : v;
    }
}
