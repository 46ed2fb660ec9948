package io.pyredis.core.exec;

import io.pyredis.core.command.CommandEntry;

/**
 * Which plugin command runs on the command thread now, and since when: what a watchdog
 * thread reads to tell a command that does not return. Written by the command thread only
 * around plugins' commands (the server's own and its packs' are trusted to return), read
 * from any thread.
 */
public final class RunningCommand {

    private volatile CommandEntry entry;
    private volatile long sinceNanos;
    private volatile long calls;

    void enter(CommandEntry e, long startNanos) {
        sinceNanos = startNanos;
        calls++;
        entry = e;
    }

    void exit() {
        entry = null;
    }

    /** The plugin command running now, or null. */
    public CommandEntry entry() {
        return entry;
    }

    /** When it started ({@link System#nanoTime()}). */
    public long sinceNanos() {
        return sinceNanos;
    }

    /** How many plugin commands have started: tells one long call from two in a row. */
    public long calls() {
        return calls;
    }
}
