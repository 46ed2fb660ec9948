package io.pyredis.server.internal;

import io.pyredis.core.client.Client;
import io.pyredis.core.loop.Loop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Redis's serverCron, run {@code hz} times a second on the event loop (so it never races
 * a command): the active expiry cycle, the instantaneous-metrics sample, and closing
 * clients idle for longer than {@code timeout}.
 */
public final class ServerCron implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCron.class);

    /** Redis's ACTIVE_EXPIRE_CYCLE_SLOW_TIME_PERC: the cycle may use 25% of each tick. */
    private static final int EXPIRE_TIME_PERCENT = 25;

    private final ServerContext server;
    private final Loop loop;
    private volatile boolean stopped;

    public ServerCron(ServerContext server) {
        this.server = server;
        this.loop = server.loop();
    }

    /** Starts ticking; each tick schedules the next, {@code 1000/hz} ms later (hz read at each tick). */
    public void start() {
        next();
    }

    /** No more ticks. */
    public void stop() {
        stopped = true;
    }

    private void next() {
        if (!stopped) {
            long period = Math.max(1, 1000 / server.config().effectiveHz());
            loop.schedule(this, TimeUnit.MILLISECONDS.toNanos(period));
        }
    }

    @Override
    public void run() {
        try {
            tick();
        } finally {
            next();
        }
    }

    private void tick() {
        // DEBUG PAUSE-CRON 1: no cron work at all, as Redis's pause_cron.
        if (server.debug().pauseCron) {
            return;
        }
        try {
            int hz = server.config().effectiveHz();
            if (server.debug().activeExpireEnabled) {
                long expireStart = System.nanoTime();
                server.keyspace().activeExpireCycle(1_000_000L * EXPIRE_TIME_PERCENT / hz / 100);
                // As activeExpireCycle's own sample.
                server.latency().addSampleIfNeeded("expire-cycle", (System.nanoTime() - expireStart) / 1_000_000);
            }
            if (server.pubsub().hasPending()) {
                server.pubsub().flushPending(); // expired-key notifications
            }
            server.engine().tracking().cron();
            server.blockedClients().clockMoved(); // timeouts on a virtual clock
            long now = server.clock().millis();
            server.stats().sample(System.currentTimeMillis());
            server.memory().used(); // used_memory_peak, as serverCron's
            server.memory().heap().cron(now);
            closeIdleClients(now);
            server.persistence().cron();
            server.aof().cron();
            if (now - lastReplicationCron >= 1000) {
                // Redis's replicationCron runs once a second.
                lastReplicationCron = now;
                server.replication().cron();
            }
        } catch (RuntimeException e) {
            LOG.error("Server cron failed", e);
        }
    }

    private long lastReplicationCron;

    private void closeIdleClients(long now) {
        int timeout = server.config().timeout.intValue();
        if (timeout <= 0) {
            return;
        }
        long limit = timeout * 1000L;
        for (Client c : server.clients().all()) {
            // As Redis, a blocked client is not idle (its own timeout governs it), nor a
            // subscriber, nor a monitor (a replica to Redis).
            if (now - c.lastInteractionMillis() > limit && !c.isBlocked() && c.subscriptionCount() == 0
                    && !c.monitor() && !c.replica()) {
                LOG.debug("Closing idle client {}", c.remoteAddress());
                c.close();
            }
        }
    }
}
