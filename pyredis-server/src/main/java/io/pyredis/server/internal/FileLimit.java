package io.pyredis.server.internal;

import com.sun.management.UnixOperatingSystemMXBean;
import io.pyredis.server.internal.config.BadValueException;
import io.pyredis.server.internal.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Redis's adjustOpenFilesLimit: maxclients must fit in the process's descriptor limit, or
 * accepting fails once descriptors run out and later clients hang unanswered (and so does
 * anything else that opens a file: SAVE, the AOF). The JVM has already raised the soft limit
 * to the hard one (HotSpot's MaxFDLimit), which is as far as an unprivileged process goes; so
 * where Redis tries setrlimit, this lowers maxclients to what the limit allows, and logs it in
 * Redis's words.
 */
public final class FileLimit {

    private static final Logger LOG = LoggerFactory.getLogger(FileLimit.class);

    /** Redis's CONFIG_MIN_RESERVED_FDS: descriptors kept for files, the listening sockets and the rest. */
    static final long MIN_RESERVED = 32;

    /** The descriptors the JVM held at start, before any client: its own, not the clients'. */
    private static volatile long heldAtStart = -1;

    private FileLimit() {
    }

    /**
     * The descriptors this process may open, and those it holds now (the JVM's own: its
     * modules' jars, the epoll set, the log): -1s where the platform does not tell.
     */
    private static long[] limitAndOpen() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean u) {
            return new long[] {u.getMaxFileDescriptorCount(), u.getOpenFileDescriptorCount()};
        }
        return new long[] {-1, -1};
    }

    /**
     * The most clients the descriptor limit leaves room for: the limit less Redis's 32 reserved
     * and what the JVM held at start (a JVM holds some 30 more than redis-server does).
     * Long.MAX_VALUE when unknown.
     */
    static long clientsAllowed() {
        long[] lo = limitAndOpen();
        if (lo[0] < 0) {
            return Long.MAX_VALUE;
        }
        if (heldAtStart < 0) {
            heldAtStart = Math.max(0, lo[1]);
        }
        return lo[0] - MIN_RESERVED - heldAtStart;
    }

    /**
     * At start: lowers maxclients to what the descriptor limit allows, with Redis's warnings;
     * false (after Redis's message) when the limit leaves no room for any client.
     */
    public static boolean adjustAtStart(ServerConfig config) {
        long requested = config.maxclients.longValue();
        long allowed = clientsAllowed();
        if (allowed >= requested) {
            return true;
        }
        long limit = limitAndOpen()[0];
        if (allowed < 1) {
            LOG.warn("Your current 'ulimit -n' of {} is not enough for the server to start. Please increase your open "
                    + "file limit to at least {}. Exiting.", limit, requested + limit - allowed);
            return false;
        }
        LOG.warn("You requested maxclients of {} requiring at least {} max file descriptors.", requested,
                requested + limit - allowed);
        LOG.warn("Server can't set maximum open files to {} because of OS error: the JVM has raised its soft limit "
                + "to the hard limit, {}, and may go no further.", requested + limit - allowed, limit);
        try {
            config.maxclients.set(Long.toString(allowed));
        } catch (BadValueException e) {
            throw new IllegalStateException(e);
        }
        LOG.warn("Current maximum open files is {}. maxclients has been reduced to {} to compensate for low ulimit. "
                + "If you need higher maxclients increase 'ulimit -n'.", limit, allowed);
        return true;
    }

    /** CONFIG SET maxclients: refused, in Redis's words, above what the descriptor limit allows. */
    public static void checkOnSet(long maxclients) throws BadValueException {
        long allowed = clientsAllowed();
        if (maxclients > allowed) {
            throw new BadValueException("maxclients",
                    "The operating system is not able to handle the specified number of clients, try with " + allowed);
        }
    }
}
