package io.pyredis.commands.sets;

/** ASCII helpers for option words. */
final class Ascii {

    private Ascii() {
    }

    /** Case-insensitive comparison with an ASCII lower-case word. */
    static boolean is(byte[] arg, String lower) {
        if (arg.length != lower.length()) {
            return false;
        }
        for (int i = 0; i < arg.length; i++) {
            int c = arg[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
