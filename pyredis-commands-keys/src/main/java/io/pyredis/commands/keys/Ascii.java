package io.pyredis.commands.keys;

/** Case-insensitive comparison of an argument with an option name, as strcasecmp without allocating. */
final class Ascii {

    private Ascii() {
    }

    /** Whether {@code arg} equals {@code lowerName} ignoring ASCII case; {@code lowerName} is lower case. */
    static boolean is(byte[] arg, String lowerName) {
        int n = lowerName.length();
        if (arg.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int c = arg[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
