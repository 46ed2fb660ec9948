package io.pyredis.support;

/**
 * Option words of commands ({@code NX}, {@code WITHSCORES}, {@code LEFT}), matched as Redis
 * matches them with {@code strcasecmp}: ASCII case ignored, nothing allocated.
 *
 * @since 0.1
 */
public final class Keywords {

    private Keywords() {
    }

    /**
     * Whether {@code arg} is {@code word}, ASCII case ignored on both sides.
     *
     * @param word the word, in any case ({@code "withscores"}, {@code "WITHSCORES"})
     */
    public static boolean is(byte[] arg, String word) {
        int n = word.length();
        if (arg.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (lower(arg[i]) != lower(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
