package io.pyredis.storage;

import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisValue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redis's lazyfree.c: values that are costly to release are handed to a background thread
 * instead of being released on the keyspace thread. In the JVM releasing is dropping the
 * last reference, which the collector does later anyway; what matters, as in Redis, is that
 * the keyspace thread never walks a big value to let it go, and that INFO's
 * {@code lazyfree_pending_objects} and {@code lazyfreed_objects} count as Redis's do: only
 * values whose free effort exceeds {@link #THRESHOLD}, and each key of a database flushed
 * asynchronously.
 *
 * @since 0.1
 */
public final class LazyFree {

    /** Redis's LAZYFREE_THRESHOLD: values with more allocations than this are freed in the background. */
    public static final int THRESHOLD = 64;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong freed = new AtomicLong();
    /** Redis's BIO_LAZY_FREE thread, started on first use. */
    private volatile ExecutorService worker;

    /**
     * Redis's lazyfreeGetFreeEffort: the allocations freeing {@code v} takes, 1 for strings
     * and compact encodings, else the number of elements (a list: of its quicklist nodes).
     */
    public static long freeEffort(RedisValue v) {
        String enc = v.encoding();
        if (v instanceof RedisList) {
            if (!"quicklist".equals(enc)) {
                return 1;
            }
            // Each quicklist node holds an 8 kB listpack; roughly 128 small elements.
            return Math.max(1, ((RedisList) v).size() / 128);
        }
        if (v instanceof RedisSet) {
            return "hashtable".equals(enc) ? ((RedisSet) v).size() : 1;
        }
        if (v instanceof RedisSortedSet) {
            return "skiplist".equals(enc) ? ((RedisSortedSet) v).size() : 1;
        }
        if (v instanceof RedisHash) {
            return "hashtable".equals(enc) ? ((RedisHash) v).size() : 1;
        }
        if (v instanceof io.pyredis.api.RedisStream st) {
            // lazyfreeGetFreeEffort: the rax nodes plus each group's PEL entries.
            long effort = st.nodes();
            for (var g : st.groups().values()) {
                effort += 1 + g.pel.size();
            }
            return Math.max(1, effort);
        }
        return 1;
    }

    /**
     * Releases a value removed from the keyspace, as Redis's freeObjAsync: in the background
     * when its effort is above the threshold (counted), else at once (dropped by the caller).
     */
    public void free(RedisValue v) {
        if (v != null && freeEffort(v) > THRESHOLD) {
            submit(v, 1);
        }
    }

    /**
     * Releases the contents of a flushed database in the background (emptyDbAsync): its
     * {@code keys} keys count as pending until the job ran, then as freed.
     */
    public void freeDatabase(Object contents, long keys) {
        if (keys > 0) {
            submit(contents, keys);
        }
    }

    private void submit(Object garbage, long count) {
        pending.addAndGet(count);
        Object[] holder = {garbage};
        executor().execute(() -> {
            // Dropping the last reference is all the JVM needs; done here, off the keyspace thread.
            holder[0] = null;
            pending.addAndGet(-count);
            freed.addAndGet(count);
        });
    }

    private ExecutorService executor() {
        ExecutorService w = worker;
        if (w == null) {
            synchronized (this) {
                w = worker;
                if (w == null) {
                    w = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "lazyfree");
                        t.setDaemon(true);
                        return t;
                    });
                    worker = w;
                }
            }
        }
        return w;
    }

    /** Objects handed to the background thread and not yet released (INFO lazyfree_pending_objects). */
    public long pendingObjects() {
        return pending.get();
    }

    /** Objects the background thread released (INFO lazyfreed_objects). */
    public long freedObjects() {
        return freed.get();
    }

    /** CONFIG RESETSTAT: zeroes lazyfreed_objects, as Redis's resetServerStats. */
    public void resetStats() {
        freed.set(0);
    }

    /** Waits until every job handed over so far ran (tests, shutdown); false on timeout. */
    public boolean drain(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (pending.get() > 0) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }
}
