package io.pyredis.core.acl;

import io.pyredis.protocol.RespWriter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * ACL LOG, as acl.c's ACLLog: the newest denials first; a denial like one of the ten
 * newest (same reason, context, object and user, within a minute) bumps that entry's count
 * and moves it to the front instead of adding one; at most {@code acllog-max-len} entries.
 */
public final class AclLog {

    /** Redis's ACL_LOG_GROUPING_MAX_TIME_DELTA. */
    private static final long GROUPING_MILLIS = 60_000;

    /** Where a denial happened (Redis's ACL_LOG_CTX_*). */
    public enum Context {
        TOPLEVEL, MULTI, LUA, MODULE;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final class Entry {
        long count = 1;
        final int reason;
        final Context context;
        final byte[] object;
        final byte[] username;
        long millis;
        String clientInfo;

        Entry(int reason, Context context, byte[] object, byte[] username, long millis, String clientInfo) {
            this.reason = reason;
            this.context = context;
            this.object = object;
            this.username = username;
            this.millis = millis;
            this.clientInfo = clientInfo;
        }

        boolean sameAs(Entry o) {
            return reason == o.reason && context == o.context && Math.abs(millis - o.millis) <= GROUPING_MILLIS
                    && java.util.Arrays.equals(object, o.object) && java.util.Arrays.equals(username, o.username);
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long maxLen = 128;

    /** acllog-max-len; the log is trimmed on the next entry, as Redis does. */
    public void maxLen(long max) {
        this.maxLen = max;
    }

    /** Adds (or merges) a denial of {@code reason} ({@link Acl#DENIED_CMD}, ...). */
    public void add(int reason, Context context, byte[] object, byte[] username, String clientInfo, long nowMillis) {
        Entry e = new Entry(reason, context, object, username, nowMillis, clientInfo);
        int toScan = 10;
        for (Iterator<Entry> it = entries.iterator(); toScan-- > 0 && it.hasNext(); ) {
            Entry cur = it.next();
            if (cur.sameAs(e)) {
                it.remove();
                cur.clientInfo = clientInfo;
                cur.millis = nowMillis;
                cur.count++;
                entries.addFirst(cur);
                return;
            }
        }
        entries.addFirst(e);
        while (entries.size() > maxLen) {
            entries.removeLast();
        }
    }

    public void reset() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    /** ACL LOG [count]'s reply. */
    public void write(RespWriter w, long count, long nowMillis) {
        List<Entry> shown = new ArrayList<>();
        for (Iterator<Entry> it = entries.iterator(); count-- > 0 && it.hasNext(); ) {
            shown.add(it.next());
        }
        w.array(shown.size());
        for (Entry e : shown) {
            w.map(7);
            w.bulk("count");
            w.integer(e.count);
            w.bulk("reason");
            w.bulk(switch (e.reason) {
                case Acl.DENIED_CMD -> "command";
                case Acl.DENIED_KEY -> "key";
                case Acl.DENIED_CHANNEL -> "channel";
                case Acl.DENIED_AUTH -> "auth";
                default -> "unknown";
            });
            w.bulk("context");
            w.bulk(e.context.word());
            w.bulk("object");
            w.bulk(e.object);
            w.bulk("username");
            w.bulk(e.username);
            w.bulk("age-seconds");
            w.doubleValue((double) (nowMillis - e.millis) / 1000);
            w.bulk("client-info");
            w.bulk(e.clientInfo);
        }
    }
}
