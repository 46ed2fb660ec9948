package io.pyredis.server.internal.plugin;

import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.exec.RunningCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A daemon thread that notices a plugin's command running on the command thread for longer
 * than {@code plugin-command-watchdog} seconds and logs one WARN line naming its pack and
 * command. It cannot stop the command (Java has no safe way to stop a thread, and the command
 * thread is the server's only one): the line is for the operator, who knows then which plugin
 * to unload or fix once it returns, or why the server must be restarted.
 */
public final class CommandWatchdog implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandWatchdog.class);

    private final RunningCommand running;
    private final LongSupplier limitSeconds;
    private volatile boolean stopped;
    private Thread thread;

    /** @param limitSeconds the current limit (0: off), read at every check so CONFIG SET applies */
    public CommandWatchdog(RunningCommand running, LongSupplier limitSeconds) {
        this.running = running;
        this.limitSeconds = limitSeconds;
    }

    public void start() {
        thread = new Thread(this, "pyredis-command-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public void run() {
        long warnedCall = -1;
        while (!stopped) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            long limit = limitSeconds.getAsLong();
            CommandEntry e = running.entry();
            long call = running.calls();
            if (limit <= 0 || e == null || call == warnedCall) {
                continue;
            }
            long ranNanos = System.nanoTime() - running.sinceNanos();
            // Read again: the command may have ended (and another begun) since the first read.
            if (ranNanos > TimeUnit.SECONDS.toNanos(limit) && running.entry() == e && running.calls() == call) {
                warnedCall = call;
                LOG.warn("Command '{}' of plugin '{}' has been running for more than {} s on the command thread: "
                                + "no client is served until it returns (pyredis cannot stop it)",
                        e.name(), e.packName(), limit);
            }
        }
    }
}
