package io.pyredis.commands.hashes;

import io.pyredis.api.RedisHash;
import io.pyredis.support.ScanArgs;
import io.pyredis.support.ScanGenericCommand;

import java.util.List;

/**
 * {@code HSCAN key cursor [MATCH pattern] [COUNT count]}
 *
 * <p>A listpack hash comes back whole with cursor 0, as in Redis; a hashtable one a few
 * buckets at a time. MATCH filters on the field and drops its value with it.
 */
public final class HScanCommand extends ScanGenericCommand<RedisHash> {

    public HScanCommand() {
        super(HashesPack.METADATA.spec("hscan"), RedisHash.class);
    }

    @Override
    protected long step(RedisHash h, long cursor, ScanArgs scan, List<byte[]> out) {
        return h.scan(cursor, scan.entriesPerStep(2), (f, v) -> {
            if (scan.matches(f)) {
                out.add(f);
                out.add(v);
            }
        });
    }
}
