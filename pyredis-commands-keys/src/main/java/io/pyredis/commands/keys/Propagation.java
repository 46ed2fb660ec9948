package io.pyredis.commands.keys;

import java.nio.charset.StandardCharsets;

/**
 * The words of what the pack's commands propagate instead of themselves (Redis's shared
 * objects: {@code shared.set}, {@code shared.pxat}, ...). Never changed: the AOF keeps them.
 */
final class Propagation {

    static final byte[] PEXPIREAT = word("PEXPIREAT");
    static final byte[] DEL = word("DEL");

    private Propagation() {
    }

    private static byte[] word(String w) {
        return w.getBytes(StandardCharsets.US_ASCII);
    }
}
