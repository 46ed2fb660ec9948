package io.pyredis.commands.bitmaps;

import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/** Redis's bitmaps command group, as in Redis 7.0. */
public final class BitmapsPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(BitmapsPack.class.getResourceAsStream("commands.json"));

    public BitmapsPack() {
        super("bitmaps", SpiVersion.CURRENT, List.of(
                new SetBitCommand(), new GetBitCommand(), new BitCountCommand(), new BitPosCommand(),
                new BitOpCommand(), new BitFieldCommand(), new BitFieldRoCommand()));
    }
}
