package io.pyredis.commands.lists;

import java.nio.charset.StandardCharsets;

/**
 * The words of what the pack's commands propagate instead of themselves (Redis's shared
 * objects: {@code shared.set}, {@code shared.pxat}, ...). Never changed: the AOF keeps them.
 */
final class Propagation {

    static final byte[] LPOP = word("LPOP");
    static final byte[] RPOP = word("RPOP");
    static final byte[] LMOVE = word("LMOVE");
    static final byte[] RPOPLPUSH = word("RPOPLPUSH");

    static byte[] pop(boolean head) {
        return head ? LPOP : RPOP;
    }

    private Propagation() {
    }

    private static byte[] word(String w) {
        return w.getBytes(StandardCharsets.US_ASCII);
    }
}
