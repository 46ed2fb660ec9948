package io.pyredis.core.loop;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * A {@link Loop} turned by hand, on whatever thread calls it: tasks wait until
 * {@link #runPending()}, timers until their time on the given clock has come and
 * {@link #runDue()} is called. For tests (the testkit, an embedded server on a virtual
 * clock), where nothing may happen behind the test's back.
 */
public final class ManualLoop implements Loop {

    private final LongSupplier nanos;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final PriorityQueue<Scheduled> timers = new PriorityQueue<>();
    private long sequence;

    /** @param nanos the time timers are due by, in nanoseconds (a virtual clock's) */
    public ManualLoop(LongSupplier nanos) {
        this.nanos = nanos;
    }

    @Override
    public boolean inLoop() {
        return true;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    @Override
    public Timer schedule(Runnable task, long delayNanos) {
        Scheduled s = new Scheduled(task, nanos.getAsLong() + Math.max(0, delayNanos), sequence++);
        timers.add(s);
        return s;
    }

    /** Runs the tasks {@link #execute}d so far, and those they add, until none is left. */
    public void runPending() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            r.run();
        }
    }

    /** Runs every timer whose time has come (in time order), then the pending tasks. */
    public void runDue() {
        long now = nanos.getAsLong();
        Scheduled s;
        while ((s = timers.peek()) != null && s.at <= now) {
            timers.poll();
            if (!s.cancelled) {
                s.task.run();
            }
            runPending();
        }
        runPending();
    }

    /** The number of timers not yet run or cancelled. */
    public int timers() {
        int n = 0;
        for (Scheduled s : timers) {
            if (!s.cancelled) {
                n++;
            }
        }
        return n;
    }

    private static final class Scheduled implements Timer, Comparable<Scheduled> {
        final Runnable task;
        final long at;
        final long seq;
        boolean cancelled;

        Scheduled(Runnable task, long at, long seq) {
            this.task = task;
            this.at = at;
            this.seq = seq;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Scheduled o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }
}
