package io.pyredis.commands.sets;

import io.pyredis.api.RedisSet;
import io.pyredis.support.ScanArgs;
import io.pyredis.support.ScanGenericCommand;

import java.util.List;

/**
 * {@code SSCAN key cursor [MATCH pattern] [COUNT count]}
 *
 * <p>An intset comes back whole with cursor 0, as in Redis; a hashtable
 * one a few buckets at a time.
 */
public final class SScanCommand extends ScanGenericCommand<RedisSet> {

    public SScanCommand() {
        super(SetsPack.METADATA.spec("sscan"), RedisSet.class);
    }

    @Override
    protected long step(RedisSet set, long cursor, ScanArgs scan, List<byte[]> out) {
        return set.scan(cursor, scan.entriesPerStep(1), m -> {
            if (scan.matches(m)) {
                out.add(m);
            }
        });
    }
}
