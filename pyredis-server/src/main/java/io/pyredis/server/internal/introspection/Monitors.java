package io.pyredis.server.internal.introspection;

import io.pyredis.api.CommandFlag;
import io.pyredis.core.client.Client;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.exec.CallObserver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The clients in MONITOR mode, fed every call as Redis's call() feeds
 * replicationFeedMonitors: after it ran, except admin and no-monitor commands, with
 * secrets redacted; a blocked command when it blocks (not again when it is served, as
 * Redis serves it without calling it again).
 */
public final class Monitors implements CallObserver {

    private final List<Client> monitors = new ArrayList<>();

    /** Puts {@code c} in MONITOR mode. */
    public void add(Client c) {
        c.monitor(true);
        monitors.add(c);
    }

    /** Takes {@code c} out of MONITOR mode (RESET). */
    public void remove(Client c) {
        monitors.remove(c);
    }

    public boolean isEmpty() {
        return monitors.isEmpty();
    }

    @Override
    public void called(Client c, CommandEntry e, byte[][] args, int db, long nanos, int flags, boolean blocked,
                       boolean unblocked) {
        if (monitors.isEmpty() || unblocked || c.id() == Client.AOF_CLIENT_ID) {
            return;
        }
        Set<CommandFlag> f = e.flags();
        if (f.contains(CommandFlag.SKIP_MONITOR) || f.contains(CommandFlag.ADMIN)) {
            return;
        }
        feed(c, db, args);
    }

    /** replicationFeedMonitors: one {@code +<sec>.<usec> [<db> <addr>] "arg" ...} line to every monitor. */
    public void feed(Client c, int db, byte[][] args) {
        if (monitors.isEmpty()) {
            return;
        }
        monitors.removeIf(Client::isClosing);
        java.time.Instant now = java.time.Instant.now();
        byte[] line = line(now.getEpochSecond() * 1_000_000 + now.getNano() / 1000, db,
                c.remoteAddress(), args);
        for (Client m : monitors) {
            m.reply().raw(line);
            if (m != c) {
                m.flush();
            }
        }
    }

    /** The line Redis sends for one command; {@code unixMicros} is when it was fed. */
    static byte[] line(long unixMicros, int db, String peer, byte[][] args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        String head = "+" + (unixMicros / 1_000_000) + "." + String.format("%06d", unixMicros % 1_000_000)
                + " [" + db + " " + peer + "] ";
        b.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        for (int j = 0; j < args.length; j++) {
            repr(b, args[j]);
            if (j != args.length - 1) {
                b.write(' ');
            }
        }
        b.write('\r');
        b.write('\n');
        return b.toByteArray();
    }

    /** sdscatrepr: the string quoted, with C escapes and {@code \xHH} for what is not printable. */
    static void repr(ByteArrayOutputStream b, byte[] s) {
        b.write('"');
        for (byte x : s) {
            int ch = x & 0xff;
            switch (ch) {
                case '\\' -> b.writeBytes(new byte[] {'\\', '\\'});
                case '"' -> b.writeBytes(new byte[] {'\\', '"'});
                case '\n' -> b.writeBytes(new byte[] {'\\', 'n'});
                case '\r' -> b.writeBytes(new byte[] {'\\', 'r'});
                case '\t' -> b.writeBytes(new byte[] {'\\', 't'});
                case 7 -> b.writeBytes(new byte[] {'\\', 'a'});
                case '\b' -> b.writeBytes(new byte[] {'\\', 'b'});
                default -> {
                    if (ch >= 0x20 && ch < 0x7f) {
                        b.write(ch);
                    } else {
                        b.writeBytes(String.format("\\x%02x", ch).getBytes(StandardCharsets.US_ASCII));
                    }
                }
            }
        }
        b.write('"');
    }
}
