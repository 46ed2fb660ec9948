package io.pyredis.storage;

import io.pyredis.api.RedisList;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.internal.Collections;
import io.pyredis.storage.internal.Quicklist;

import java.util.List;
import java.util.Locale;

/**
 * What DEBUG shows of the keyspace's internals (Redis's debug.c): the quicklist layout of
 * a list, hash table statistics, the serialized length of a value.
 *
 * @since 0.1
 */
public final class DebugInfo {

    private DebugInfo() {
    }

    /**
     * DEBUG OBJECT's quicklist fields of a list ({@code " ql_nodes:N ql_avg_node:X
     * ql_listpack_max:F ql_compressed:0 ql_uncompressed_size:N"}), or "" for other values.
     * The layout is the one a list pushed in order gets (pyredis stores no nodes).
     */
    public static String quicklistFields(RedisValue v, EncodingLimits limits) {
        if (!(v instanceof RedisList l)) {
            return "";
        }
        List<Quicklist.Node> nodes = Quicklist.nodes(l, limits.listMaxListpackSize, limits.quicklistPackedThreshold);
        long bytes = 0;
        for (Quicklist.Node n : nodes) {
            bytes += n.bytes();
        }
        // list-compress-depth is not supported: nodes are never compressed.
        return " ql_nodes:" + nodes.size()
                + " ql_avg_node:" + String.format(Locale.ROOT, "%.2f", (double) l.size() / nodes.size())
                + " ql_listpack_max:" + Quicklist.fill(limits.listMaxListpackSize)
                + " ql_compressed:0"
                + " ql_uncompressed_size:" + bytes;
    }

    /** rdbSavedObjectLen: the bytes of {@code v}'s RDB form (without the type byte), or -1 for a type without one. */
    public static long serializedLength(RedisValue v, boolean compression, EncodingLimits limits) {
        byte[] payload = Rdb.dump(v, compression, limits);
        // DUMP adds the type byte in front and the 2-byte version and 8-byte CRC behind.
        return payload == null ? -1 : payload.length - 11;
    }

    /** DEBUG HTSTATS: the stats of database {@code db}'s key table and expires. */
    public static String hashTableStats(Keyspace ks, int db) {
        return ks.internalDb(db).hashTableStats();
    }

    /** DEBUG HTSTATS-KEY: the stats of {@code v}'s hash table, or null when its encoding has none. */
    public static String hashTableStats(RedisValue v) {
        return Collections.hashTableStats(v);
    }

    /**
     * DEBUG OBJECT's {@code Value at:%p}: an address-like identity of {@code key}'s entry in
     * database {@code db} that stays the same while the key lives (an INCR in place keeps
     * it, as in Redis).
     */
    public static String address(Keyspace ks, int db, byte[] key) {
        return "0x7f" + String.format(Locale.ROOT, "%010x", ks.internalDb(db).identity(key) << 4);
    }
}
