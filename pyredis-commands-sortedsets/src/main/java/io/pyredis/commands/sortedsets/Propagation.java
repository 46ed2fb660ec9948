package io.pyredis.commands.sortedsets;

import java.nio.charset.StandardCharsets;

/**
 * The words of what the pack's commands propagate instead of themselves (Redis's shared
 * objects: {@code shared.set}, {@code shared.pxat}, ...). Never changed: the AOF keeps them.
 */
final class Propagation {

    static final byte[] ZPOPMIN = word("ZPOPMIN");
    static final byte[] ZPOPMAX = word("ZPOPMAX");

    static byte[] pop(boolean max) {
        return max ? ZPOPMAX : ZPOPMIN;
    }

    private Propagation() {
    }

    private static byte[] word(String w) {
        return w.getBytes(StandardCharsets.US_ASCII);
    }
}
