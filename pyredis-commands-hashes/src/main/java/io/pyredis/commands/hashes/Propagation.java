package io.pyredis.commands.hashes;

import java.nio.charset.StandardCharsets;

/**
 * The words of what the pack's commands propagate instead of themselves (Redis's shared
 * objects: {@code shared.set}, {@code shared.pxat}, ...). Never changed: the AOF keeps them.
 */
final class Propagation {

    static final byte[] HSET = word("HSET");

    private Propagation() {
    }

    private static byte[] word(String w) {
        return w.getBytes(StandardCharsets.US_ASCII);
    }
}
