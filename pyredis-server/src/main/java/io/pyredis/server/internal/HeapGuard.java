package io.pyredis.server.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.NotificationEmitter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The memory limit a JVM has that Redis has not: its heap. Redis with no maxmemory grows
 * until the kernel says no; a JVM throws OutOfMemoryError long before, on whichever thread
 * allocates, which leaves nothing to trust. So, with or without maxmemory, commands that may
 * add data are refused with Redis's -OOM error while the heap's long-lived generation, as
 * measured just after a collection, is above {@link #FULL} of its maximum: what is left is
 * garbage the collector cannot reclaim, and it is the dataset that holds it. Reads, deletes
 * and FLUSHALL still run; once they free enough the next collection clears the state (while
 * it holds, the cron asks for a collection once a second, for an idle heap is never measured).
 */
public final class HeapGuard {

    private static final Logger LOG = LoggerFactory.getLogger(HeapGuard.class);

    /** The share of the old generation's maximum, live after a collection, at which writes stop. */
    public static final double FULL = 0.85;

    private final List<MemoryPoolMXBean> pools;
    private volatile boolean full;
    private long lastCollectionRequest;

    public HeapGuard() {
        // The pools of long-lived objects: eden is empty after a collection and a survivor
        // space is often full, neither says anything of the heap's room.
        pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
                .filter(p -> !p.getName().contains("Eden") && !p.getName().contains("Survivor"))
                .filter(p -> p.getUsage().getMax() > 0)
                .toList();
        for (MemoryPoolMXBean p : pools) {
            p.setCollectionUsageThreshold(threshold(p));
        }
        // Told right after the collection that crossed the threshold, on a JMX thread: a flag only.
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener((n, h) -> {
            if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(n.getType()) && !full) {
                full = true;
                LOG.warn("The heap is nearly exhausted ({}% of its old generation live after a collection): commands "
                        + "that add data get -OOM until data is deleted. Set maxmemory below the heap (-Xmx) to "
                        + "evict instead.", Math.round(FULL * 100));
            }
        }, null, null);
    }

    private static long threshold(MemoryPoolMXBean p) {
        return (long) (p.getUsage().getMax() * FULL);
    }

    /** Whether commands that may add data are refused now. */
    public boolean full() {
        return full;
    }

    /** From the server cron: leaves the state once a collection finds the heap below the threshold. */
    public void cron(long nowMillis) {
        if (!full) {
            return;
        }
        if (!over()) {
            full = false;
            LOG.warn("The heap has room again: commands that add data are accepted.");
        } else if (nowMillis - lastCollectionRequest >= 1000) {
            lastCollectionRequest = nowMillis;
            System.gc(); // the next cron measures what it left
        }
    }

    private boolean over() {
        for (MemoryPoolMXBean p : pools) {
            if (p.getCollectionUsage() != null && p.getCollectionUsage().getUsed() > threshold(p)) {
                return true;
            }
        }
        return false;
    }
}
