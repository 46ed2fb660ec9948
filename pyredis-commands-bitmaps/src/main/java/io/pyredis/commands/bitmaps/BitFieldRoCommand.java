package io.pyredis.commands.bitmaps;

/**
 * {@code BITFIELD_RO key [GET encoding offset [GET encoding offset ...]]}
 */
public final class BitFieldRoCommand extends BitFieldGenericCommand {

    public BitFieldRoCommand() {
        super("bitfield_ro", true);
    }
}
