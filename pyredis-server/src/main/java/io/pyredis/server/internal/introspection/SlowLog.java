package io.pyredis.server.internal.introspection;

import io.pyredis.api.CommandFlag;
import io.pyredis.core.client.Client;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.exec.CallObserver;
import io.pyredis.core.exec.CallUnit;
import io.pyredis.server.internal.config.ServerConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Redis's slow log (slowlog.c): the calls that ran for at least {@code
 * slowlog-log-slower-than} microseconds, newest first, at most {@code slowlog-max-len}.
 * A blocked command is logged when it is served, with the time of that run; commands
 * flagged no-slowlog are not logged; secrets come redacted from the call unit.
 */
public final class SlowLog implements CallObserver {

    /** Redis's SLOWLOG_ENTRY_MAX_ARGC and SLOWLOG_ENTRY_MAX_STRING. */
    static final int MAX_ARGC = 32;
    static final int MAX_STRING = 128;

    /** One logged call, as SLOWLOG GET shows it. */
    public record Entry(long id, long unixSeconds, long micros, byte[][] args, String peer, String name) {
    }

    private final ServerConfig config;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long nextId;

    public SlowLog(ServerConfig config) {
        this.config = config;
        config.slowlogMaxLen.onChange(v -> trim());
    }

    @Override
    public void called(Client c, CommandEntry e, byte[][] args, int db, long nanos, int flags, boolean blocked,
                       boolean unblocked) {
        // As call(): a client's command (CMD_CALL_SLOWLOG), not the AOF loader's; a blocked
        // one when it is served (updateStatsOnUnblock).
        if (blocked || ((flags & CallUnit.CALL_STATS) == 0 && !unblocked)) {
            return;
        }
        if (e.flags().contains(CommandFlag.SKIP_SLOWLOG)) {
            return;
        }
        push(c, args, nanos / 1000);
    }

    /** slowlogPushEntryIfNeeded */
    void push(Client c, byte[][] args, long micros) {
        long threshold = config.slowlogLogSlowerThan.longValue();
        if (threshold < 0) {
            return;
        }
        if (micros >= threshold) {
            String name = c.name();
            entries.addFirst(new Entry(nextId++, System.currentTimeMillis() / 1000, micros, truncate(args),
                    c.remoteAddress(), name == null ? "" : name));
            trim();
        }
    }

    private void trim() {
        long max = config.slowlogMaxLen.longValue();
        while (entries.size() > max) {
            entries.removeLast();
        }
    }

    /** slowlogCreateEntry's argument vector: at most 32 arguments, strings cut at 128 bytes. */
    static byte[][] truncate(byte[][] args) {
        int n = Math.min(args.length, MAX_ARGC);
        byte[][] out = new byte[n][];
        for (int j = 0; j < n; j++) {
            if (n != args.length && j == n - 1) {
                out[j] = ("... (" + (args.length - n + 1) + " more arguments)").getBytes(StandardCharsets.US_ASCII);
            } else if (args[j].length > MAX_STRING) {
                byte[] more = ("... (" + (args[j].length - MAX_STRING) + " more bytes)")
                        .getBytes(StandardCharsets.US_ASCII);
                byte[] s = Arrays.copyOf(args[j], MAX_STRING + more.length);
                System.arraycopy(more, 0, s, MAX_STRING, more.length);
                out[j] = s;
            } else {
                out[j] = args[j].clone();
            }
        }
        return out;
    }

    /** The entries, newest first. */
    public Iterator<Entry> newestFirst() {
        return entries.iterator();
    }

    public int size() {
        return entries.size();
    }

    public void reset() {
        entries.clear();
    }
}
