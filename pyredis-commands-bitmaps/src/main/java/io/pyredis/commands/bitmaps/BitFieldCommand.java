package io.pyredis.commands.bitmaps;

import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeyRef;
import io.pyredis.support.Keywords;

import java.util.List;
import java.util.Set;

/**
 * {@code BITFIELD key [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> ...]]}
 */
public final class BitFieldCommand extends BitFieldGenericCommand {

    public BitFieldCommand() {
        super("bitfield", false);
    }

    /**
     * Redis's bitfieldGetKeys: the key is read only when the call only reads (its key spec
     * has variable flags); the first SET or INCRBY, or anything unknown, makes it written.
     */
    @Override
    public List<KeyRef> keys(byte[][] args) {
        if (args.length < 2) {
            return List.of();
        }
        boolean readOnly = true;
        for (int i = 2; i < args.length; i++) {
            int remaining = args.length - i - 1;
            byte[] a = args[i];
            if (Keywords.is(a, "get") && remaining >= 2) {
                i += 2;
            } else if ((Keywords.is(a, "set") || Keywords.is(a, "incrby")) && remaining >= 3) {
                readOnly = false;
                break;
            } else if (Keywords.is(a, "overflow") && remaining >= 1) {
                i += 1;
            } else {
                readOnly = false; // a syntax error: safer to assume a write, as Redis does
                break;
            }
        }
        return List.of(new KeyRef(1, readOnly ? Set.of(KeyFlag.RO, KeyFlag.ACCESS)
                : Set.of(KeyFlag.RW, KeyFlag.ACCESS, KeyFlag.UPDATE)));
    }
}
