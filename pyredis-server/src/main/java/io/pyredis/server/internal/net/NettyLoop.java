package io.pyredis.server.internal.net;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.pyredis.core.loop.Loop;

import java.util.concurrent.TimeUnit;

/** The core's {@link Loop} on Netty's event loop: the one thread of the clients and commands. */
final class NettyLoop implements Loop {

    private final EventLoop loop;

    NettyLoop(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public boolean inLoop() {
        return loop.inEventLoop();
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    @Override
    public Timer schedule(Runnable task, long delayNanos) {
        ScheduledFuture<?> f = loop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }
}
