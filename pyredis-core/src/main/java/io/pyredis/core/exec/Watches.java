package io.pyredis.core.exec;

import io.pyredis.core.client.Transaction;
import io.pyredis.core.client.Watch;
import io.pyredis.core.util.DbKey;
import io.pyredis.storage.Keyspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The keys clients WATCH, as Redis's multi.c keeps them: (db, key) → the watches on it. A
 * change to a watched key marks the watching transactions dirty, so their EXEC fails.
 *
 * <p>Expiry follows Redis 7.0: a key that was already expired (but not yet deleted) when
 * watched does not fail EXEC by being deleted for its expiry, while a key that expires
 * after WATCH does, whether or not anybody has noticed yet (EXEC checks).
 */
public final class Watches {

    private final Keyspace keyspace;
    private final Map<DbKey, ArrayList<Watch>> watched = new HashMap<>();
    private final DbKey probe = new DbKey();

    public Watches(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    /** The number of distinct watched keys (INFO). */
    public int size() {
        return watched.size();
    }

    /** WATCH: {@code t} watches {@code key} of {@code db} (once, however often asked). */
    public void watch(Transaction t, int db, byte[] key) {
        for (Watch w : t.watches()) {
            if (w.db() == db && Arrays.equals(w.key(), key)) {
                return;
            }
        }
        Watch w = new Watch(t, db, key.clone(), keyspace.isExpired(db, key));
        t.watches().add(w);
        watched.computeIfAbsent(new DbKey(db, w.key()), x -> new ArrayList<>(2)).add(w);
    }

    /** UNWATCH, EXEC, DISCARD, RESET, disconnect: forgets every watch of {@code t}. */
    public void unwatchAll(Transaction t) {
        if (t.watches().isEmpty()) {
            return;
        }
        for (Watch w : t.watches()) {
            probe.set(w.db(), w.key());
            ArrayList<Watch> list = watched.get(probe);
            if (list != null) {
                list.remove(w);
                if (list.isEmpty()) {
                    watched.remove(probe);
                }
            }
        }
        probe.key = null;
        t.watches().clear();
    }

    /** A watched key was written (Redis's touchWatchedKey). */
    public void keyModified(int db, byte[] key) {
        if (watched.isEmpty()) {
            return;
        }
        ArrayList<Watch> list = find(db, key);
        if (list != null) {
            for (Watch w : list) {
                w.owner().dirtyCas(true);
            }
        }
    }

    /**
     * A key was deleted for its expiry: a change for those who watched it alive; no
     * change for those who watched it already expired (from now on it is simply absent).
     */
    public void keyExpired(int db, byte[] key) {
        if (watched.isEmpty()) {
            return;
        }
        ArrayList<Watch> list = find(db, key);
        if (list != null) {
            for (Watch w : list) {
                if (w.expiredAtWatch()) {
                    w.expiredAtWatch(false);
                } else {
                    w.owner().dirtyCas(true);
                }
            }
        }
    }

    private ArrayList<Watch> find(int db, byte[] key) {
        probe.set(db, key);
        ArrayList<Watch> list = watched.get(probe);
        probe.key = null;
        return list;
    }

    /**
     * Database {@code emptied} is about to be flushed ({@code replacedWith} -1) or swapped
     * with {@code replacedWith}: Redis 7.0's touchAllWatchedKeysInDb, which fails the
     * watches of keys that exist in either, with its rules for expired keys.
     */
    public void touchAllInDb(int emptied, int replacedWith) {
        if (watched.isEmpty()) {
            return;
        }
        for (Map.Entry<DbKey, ArrayList<Watch>> e : watched.entrySet()) {
            DbKey k = e.getKey();
            if (k.db != emptied) {
                continue;
            }
            boolean inEmptied = keyspace.isStored(emptied, k.key);
            boolean inReplacement = replacedWith >= 0 && keyspace.isStored(replacedWith, k.key);
            if (!inEmptied && !inReplacement) {
                continue;
            }
            for (Watch w : e.getValue()) {
                if (w.expiredAtWatch()) {
                    if (!inReplacement) {
                        w.expiredAtWatch(false); // deleted: no logical change
                        continue;
                    } else if (keyspace.isExpired(replacedWith, k.key)) {
                        continue; // still expired
                    }
                } else if (!inEmptied && keyspace.isExpired(replacedWith, k.key)) {
                    w.expiredAtWatch(true); // an absent key replaced by an expired one
                    continue;
                }
                w.owner().dirtyCas(true);
            }
        }
    }

    /** Redis's isWatchedKeyExpired, checked by EXEC: a key watched alive that has expired since. */
    public boolean anyExpired(Transaction t) {
        for (Watch w : t.watches()) {
            if (!w.expiredAtWatch() && keyspace.isExpired(w.db(), w.key())) {
                return true;
            }
        }
        return false;
    }
}
