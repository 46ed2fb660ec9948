package io.pyredis.protocol;

/**
 * Limits the request parser enforces, named after their redis.conf settings.
 *
 * @param maxBulkLength      {@code proto-max-bulk-len}: the longest bulk argument (512 MB)
 * @param maxMultibulkLength the most arguments in one multibulk request; Redis 7.0 refuses
 *                           a count above {@code INT_MAX}, hence {@link Integer#MAX_VALUE}
 * @param maxInlineLength    the longest inline request line, and the longest {@code *} or
 *                           {@code $} header line (Redis: 64 KB, PROTO_INLINE_MAX_SIZE)
 * @param queryBufferLimit   {@code client-query-buffer-limit}: the most bytes of one request (1 GB)
 * @since 0.1
 */
public record RespLimits(long maxBulkLength, int maxMultibulkLength, int maxInlineLength, long queryBufferLimit) {
    /** Redis 7.0's defaults. */
    public static final RespLimits DEFAULT =
            new RespLimits(512L * 1024 * 1024, Integer.MAX_VALUE, 64 * 1024, 1024L * 1024 * 1024);
}
