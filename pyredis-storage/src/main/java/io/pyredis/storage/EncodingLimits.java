package io.pyredis.storage;

/**
 * The sizes up to which collections keep a compact encoding, named after their
 * redis.conf settings and with Redis 7.0's defaults. The server sets them from its
 * config (and CONFIG SET); they apply to collections as they grow from then on.
 *
 * @since 0.1
 */
public final class EncodingLimits {

    /** {@code list-max-listpack-size}: entries per node if positive, else -1..-5 for 4..64 KB. */
    public int listMaxListpackSize = -2;
    /** {@code hash-max-listpack-entries}: 512 in Redis 7.0's config.c (redis.conf's 128 is not the default). */
    public int hashMaxListpackEntries = 512;
    /** {@code hash-max-listpack-value} */
    public int hashMaxListpackValue = 64;
    /** {@code set-max-intset-entries} */
    public int setMaxIntsetEntries = 512;
    /** {@code zset-max-listpack-entries} */
    public int zsetMaxListpackEntries = 128;
    /** {@code zset-max-listpack-value} */
    public int zsetMaxListpackValue = 64;
    /**
     * DEBUG QUICKLIST-PACKED-THRESHOLD: list elements this long or longer take a plain
     * quicklist node of their own (quicklist.c's packed_threshold, 1 GB by default).
     */
    public long quicklistPackedThreshold = 1L << 30;
}
