package io.pyredis.storage;

import io.pyredis.api.Database;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A keyspace's contents as comparable text: "db:key" to "type ttl contents" (sets and hashes sorted). */
final class KeyspaceContents {

    private KeyspaceContents() {
    }

    static Map<String, String> of(Keyspace ks) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < ks.databases(); i++) {
            Database db = ks.db(i);
            int d = i;
            List<byte[]> keys = new ArrayList<>();
            db.forEachKey(keys::add);
            for (byte[] k : keys) {
                out.put(d + ":" + s(k), describe(db.peek(k)) + " exp=" + db.expireAt(k));
            }
        }
        return out;
    }

    static String describe(RedisValue v) {
        if (v instanceof RedisString) {
            return "string " + s(((RedisString) v).bytes());
        }
        if (v instanceof RedisList) {
            RedisList l = (RedisList) v;
            List<String> es = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                es.add(s(l.get(i)));
            }
            return "list " + es;
        }
        if (v instanceof RedisHash) {
            List<String> es = new ArrayList<>();
            ((RedisHash) v).forEach((f, x) -> es.add(s(f) + "=" + s(x)));
            Collections.sort(es);
            return "hash " + es;
        }
        if (v instanceof RedisSet) {
            List<String> es = new ArrayList<>();
            ((RedisSet) v).forEach(m -> es.add(s(m)));
            Collections.sort(es);
            return "set " + es;
        }
        if (v instanceof RedisSortedSet) {
            RedisSortedSet z = (RedisSortedSet) v;
            List<String> es = new ArrayList<>();
            for (long r = 0; r < z.size(); r++) {
                es.add(s(z.memberAt(r)) + "@" + z.scoreAt(r));
            }
            return "zset " + es;
        }
        return String.valueOf(v);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
