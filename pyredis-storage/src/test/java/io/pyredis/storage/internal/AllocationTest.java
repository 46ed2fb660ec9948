package io.pyredis.storage.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pyredis.api.DataType;
import io.pyredis.api.RedisValue;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The lookup path of every command must not allocate. */
class AllocationTest {

    private static final RedisValue V = new RedisValue() {
        @Override
        public DataType type() {
            return DataType.STRING;
        }

        @Override
        public String encoding() {
            return "raw";
        }
    };

    @Test
    void lookupsAndOverwritesAllocateNothing() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(bean.isThreadAllocatedMemorySupported());
        bean.setThreadAllocatedMemoryEnabled(true);

        KeyspaceState state = new KeyspaceState(1000);
        Db db = new Db(0, state);
        int n = 1000;
        byte[][] keys = new byte[n][];
        byte[][] probes = new byte[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = String.format("key:%012d", i).getBytes(UTF_8);
            probes[i] = keys[i].clone();
            db.set(keys[i], V, 1_000_000 + i);
        }
        long sink = 0;
        for (int round = 0; round < 200; round++) {
            sink += run(db, probes);
        }
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        int rounds = 100;
        for (int round = 0; round < rounds; round++) {
            sink += run(db, probes);
        }
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        assertNotNull(db.get(keys[0]));
        // An allocation per operation would be at least 16 bytes x 400,000 operations;
        // allow a little for whatever the JIT does once.
        long operations = (long) rounds * n * 4;
        assertTrue(allocated < operations / 100, "allocated " + allocated + " bytes over " + operations
                + " operations (sink " + sink + ")");
    }

    private static long run(Db db, byte[][] probes) {
        long sink = 0;
        for (byte[] p : probes) {
            if (db.get(p) != null) {
                sink++;
            }
            if (db.exists(p)) {
                sink++;
            }
            db.setKeepTtl(p, V);
            sink += db.expireAt(p);
        }
        return sink;
    }
}
