package io.pyredis.core.command;

import io.pyredis.api.Command;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeyRef;
import io.pyredis.api.KeySpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The keys of a call, from its command's key specs, as Redis 7.0's
 * getKeysFromCommandWithSpecs: the specs when they describe everything (some spec not
 * {@code not_key}, none with {@code variable_flags}) and fit the call, else the command's
 * own finder ({@link Command#keys}, Redis's getkeys_proc). What COMMAND GETKEYS answers,
 * and what anything else that needs a call's keys (ACL key patterns, client tracking)
 * asks.
 */
public final class KeyFinder {

    private KeyFinder() {
    }

    /**
     * The keys of {@code args} (the whole call, name first) for {@code e}; empty when it has
     * none or the call is malformed in a way that hides them.
     */
    public static List<KeyRef> keys(CommandEntry e, byte[][] args) {
        List<KeySpec> specs = e.spec().keySpecs();
        if (hasRealSpec(specs) && !any(specs, KeyFlag.VARIABLE_FLAGS)) {
            List<KeyRef> found = fromSpecs(specs, args);
            if (found != null) {
                return found;
            }
        }
        List<KeyRef> own = e.command().keys(args);
        return own == null ? List.of() : own;
    }

    /** Redis's doesCommandHaveKeys: a finder of its own, or a spec of real keys. */
    public static boolean hasKeys(CommandEntry e) {
        return e.hasOwnKeyFinder() || hasRealSpec(e.spec().keySpecs());
    }

    private static boolean hasRealSpec(List<KeySpec> specs) {
        for (KeySpec s : specs) {
            if (!s.flags().contains(KeyFlag.NOT_KEY)) {
                return true;
            }
        }
        return false;
    }

    private static boolean any(List<KeySpec> specs, KeyFlag flag) {
        for (KeySpec s : specs) {
            if (s.flags().contains(flag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Redis's getKeysUsingKeySpecs: the keys every spec finds in {@code args}, or null when
     * a spec is incomplete, unknown, or does not fit the call (a key count that is not a
     * number, keys past the end).
     */
    static List<KeyRef> fromSpecs(List<KeySpec> specs, byte[][] args) {
        int argc = args.length;
        List<KeyRef> keys = new ArrayList<>();
        for (KeySpec spec : specs) {
            if (spec.flags().contains(KeyFlag.NOT_KEY)) {
                continue;
            }
            int first;
            if (spec.beginSearch() instanceof KeySpec.Index idx) {
                first = idx.pos();
            } else if (spec.beginSearch() instanceof KeySpec.Keyword kw) {
                first = keyword(kw, args);
                if (first == 0) {
                    continue; // keyword not found: this spec has no keys in this call
                }
            } else {
                return null;
            }
            int last;
            int step;
            if (spec.findKeys() instanceof KeySpec.Range r) {
                step = r.step();
                if (r.lastKey() >= 0) {
                    last = first + r.lastKey();
                } else if (r.limit() == 0) {
                    last = argc + r.lastKey();
                } else {
                    last = first + ((argc - first) / r.limit() + r.lastKey());
                }
            } else if (spec.findKeys() instanceof KeySpec.KeyNum kn) {
                step = kn.step();
                if (kn.keyNumIndex() >= argc || first + kn.keyNumIndex() >= argc) {
                    return null;
                }
                long numkeys = count(args[first + kn.keyNumIndex()]);
                if (numkeys < 0) {
                    return null;
                }
                first += kn.firstKey();
                last = (int) Math.min(Integer.MAX_VALUE, first + numkeys - 1);
            } else {
                return null;
            }
            if (last >= argc || last < first || first >= argc) {
                return null;
            }
            Set<KeyFlag> flags = spec.flags();
            for (int i = first; i <= last; i += step) {
                keys.add(new KeyRef(i, flags));
            }
            if (spec.flags().contains(KeyFlag.INCOMPLETE)) {
                return null;
            }
        }
        return keys;
    }

    /** Where the keys start after {@code kw}'s keyword, or 0 when it is not in the call. */
    private static int keyword(KeySpec.Keyword kw, byte[][] args) {
        int argc = args.length;
        int start = kw.startFrom() > 0 ? kw.startFrom() : argc + kw.startFrom();
        int end = kw.startFrom() > 0 ? argc - 1 : 1;
        byte[] word = kw.keyword().getBytes(StandardCharsets.US_ASCII);
        for (int i = start; i != end; i = start <= end ? i + 1 : i - 1) {
            if (i >= argc || i < 1) {
                break;
            }
            if (equalsIgnoreCase(args[i], word)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean equalsIgnoreCase(byte[] a, byte[] word) {
        if (a.length != word.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Character.toLowerCase((char) (a[i] & 0xff)) != Character.toLowerCase((char) word[i])) {
                return false;
            }
        }
        return true;
    }

    /** A key count as Redis's string2ll reads it: -1 when it is not a non-negative integer. */
    private static long count(byte[] b) {
        String s = new String(b, StandardCharsets.US_ASCII);
        try {
            long v = Long.parseLong(s);
            return v >= 0 && Long.toString(v).equals(s) ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
