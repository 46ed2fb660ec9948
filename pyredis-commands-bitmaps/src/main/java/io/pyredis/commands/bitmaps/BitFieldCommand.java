package io.pyredis.commands.bitmaps;

/**
 * {@code BITFIELD key [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> ...]]}
 */
public final class BitFieldCommand extends BitFieldGenericCommand {

    public BitFieldCommand() {
        super("bitfield", false);
    }
}
