package io.pyredis.server.internal;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
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
    private final EventLoop loop;
    private ScheduledFuture<?> task;

    public ServerCron(ServerContext server, EventLoop loop) {
        this.server = server;
        this.loop = loop;
    }

    /** Starts ticking, and follows later changes of {@code hz}. */
    public void start() {
        schedule(server.config().hz.intValue());
        server.config().hz.onChange(hz -> loop.execute(() -> schedule(hz)));
    }

    private void schedule(int hz) {
        if (task != null) {
            task.cancel(false);
        }
        long period = Math.max(1, 1000 / hz);
        task = loop.scheduleAtFixedRate(this, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            int hz = server.config().hz.intValue();
            server.keyspace().activeExpireCycle(1_000_000L * EXPIRE_TIME_PERCENT / hz / 100);
            if (server.pubsub().hasPending()) {
                server.pubsub().flushPending(); // expired-key notifications
            }
            long now = server.clock().millis();
            server.stats().sample(System.currentTimeMillis());
            server.stats().sampleMemory();
            closeIdleClients(now);
            server.persistence().cron();
            server.aof().cron();
        } catch (RuntimeException e) {
            LOG.error("Server cron failed", e);
        }
    }

    private void closeIdleClients(long now) {
        int timeout = server.config().timeout.intValue();
        if (timeout <= 0) {
            return;
        }
        long limit = timeout * 1000L;
        for (ClientSession s : server.clients().all()) {
            // As Redis, a blocked client is not idle (its own timeout governs it), nor a subscriber.
            if (now - s.lastInteractionMillis() > limit && !s.connection().isBlocked()
                    && s.connection().subscriptionCount() == 0) {
                LOG.debug("Closing idle client {}", s.remoteAddress());
                s.connection().close();
            }
        }
    }
}
