package io.pyredis.commands.scripting;

/**
 * Redis's redisLrand48 / redisSrand48 (rand.c, the 48-bit lrand48 generator), behind the
 * scripts' math.random and math.randomseed: the same sequence as Redis for the same seed,
 * on every platform. One state for the server, seeded as rand.c's, as in Redis 7.0.
 */
final class RedisRandom {

    /** REDIS_LRAND48_MAX: INT32_MAX. */
    static final int MAX = Integer.MAX_VALUE;
    private static final long MASK = (1L << 48) - 1;

    private long x = 0x1234ABCD330EL;

    int next() {
        x = (0x5DEECE66DL * x + 0xB) & MASK;
        return (int) (x >>> 17);
    }

    void seed(int seed) {
        x = ((seed & 0xFFFFFFFFL) << 16) | 0x330E;
    }
}
