package io.pyredis.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Command help for the REPL, taken from the server's COMMAND DOCS (falling back to a built-in
 * list of names): {@code help <command>}, {@code help @<group>}, tab completion and the grey
 * argument hints, in redis-cli 7.0's formats.
 */
public final class CommandDocs {

    /** One help entry; {@code name} is upper case, "CONFIG GET" for a subcommand. */
    public record Entry(String name, String params, String summary, String since, String group) {
        List<String> words() {
            return List.of(name.split(" "));
        }
    }

    private final List<Entry> entries;

    CommandDocs(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::name));
        this.entries = List.copyOf(sorted);
    }

    public List<Entry> entries() {
        return entries;
    }

    static CommandDocs load(Cli cli) {
        if (cli.conn != null) {
            try {
                Reply r = cli.conn.call(List.of(Cli.b("COMMAND"), Cli.b("DOCS")));
                if (r instanceof Reply.Agg a && !a.items().isEmpty()) return fromDocs(r);
            } catch (IOException e) {
                // the next command reconnects; help falls back to the built-in names
                cli.conn.close();
                cli.conn = null;
            }
        }
        return builtin();
    }

    /** Parses a COMMAND DOCS reply (RESP2 flat arrays or RESP3 maps). */
    public static CommandDocs fromDocs(Reply docs) {
        List<Entry> out = new ArrayList<>();
        for (Reply[] kv : pairs(docs)) addEntry(out, Reply.text(kv[0]), kv[1]);
        return new CommandDocs(out);
    }

    private static void addEntry(List<Entry> out, String name, Reply doc) {
        if (name == null) return;
        String summary = "";
        String since = "";
        String group = "";
        String params = "";
        Reply subcommands = null;
        for (Reply[] kv : pairs(doc)) {
            String k = Reply.text(kv[0]);
            if (k == null) continue;
            switch (k) {
                case "summary" -> summary = nz(Reply.text(kv[1]));
                case "since" -> since = nz(Reply.text(kv[1]));
                case "group" -> group = nz(Reply.text(kv[1]));
                case "arguments" -> params = renderArgs(kv[1]);
                case "subcommands" -> subcommands = kv[1];
                default -> { }
            }
        }
        out.add(new Entry(name.replace('|', ' ').toUpperCase(Locale.ROOT), params, summary, since, group));
        if (subcommands != null) {
            for (Reply[] kv : pairs(subcommands)) addEntry(out, Reply.text(kv[0]), kv[1]);
        }
    }

    /** The argument syntax as redis-cli 7.0's help.h writes it: {@code key [NX|XX] [key ...]}. */
    static String renderArgs(Reply args) {
        List<String> parts = new ArrayList<>();
        if (args instanceof Reply.Agg a) {
            for (Reply arg : a.items()) parts.add(renderArg(arg));
        }
        return String.join(" ", parts);
    }

    private static String renderArg(Reply arg) {
        String name = "";
        String type = "";
        String token = null;
        boolean optional = false;
        boolean multiple = false;
        boolean multipleToken = false;
        List<String> children = new ArrayList<>();
        for (Reply[] kv : pairs(arg)) {
            String k = Reply.text(kv[0]);
            if (k == null) continue;
            switch (k) {
                case "name" -> name = nz(Reply.text(kv[1]));
                case "display_text" -> name = nz(Reply.text(kv[1]));
                case "type" -> type = nz(Reply.text(kv[1]));
                case "token" -> token = Reply.text(kv[1]);
                case "flags" -> {
                    if (kv[1] instanceof Reply.Agg f) {
                        for (Reply flag : f.items()) {
                            String s = Reply.text(flag);
                            if ("optional".equals(s)) optional = true;
                            if ("multiple".equals(s)) multiple = true;
                            if ("multiple_token".equals(s)) multipleToken = true;
                        }
                    }
                }
                case "arguments" -> {
                    if (kv[1] instanceof Reply.Agg c) {
                        for (Reply child : c.items()) children.add(renderArg(child));
                    }
                }
                default -> { }
            }
        }
        String value = switch (type) {
            case "pure-token" -> token != null ? token : name;
            case "oneof" -> String.join("|", children);
            case "block" -> String.join(" ", children);
            default -> name;
        };
        String one = token != null && !type.equals("pure-token") ? token + " " + value : value;
        String repeated = multipleToken || token == null ? one : value;
        String s = multiple ? one + " [" + repeated + " ...]" : one;
        return optional ? "[" + s + "]" : s;
    }

    /** Key/value pairs of a RESP3 map or a RESP2 flat array. */
    static List<Reply[]> pairs(Reply r) {
        List<Reply[]> out = new ArrayList<>();
        if (r instanceof Reply.Agg a) {
            List<Reply> items = a.items();
            for (int i = 0; i + 1 < items.size(); i += 2) out.add(new Reply[] {items.get(i), items.get(i + 1)});
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ------------------------------------------------------------------ lookups

    /** The entry for a typed command: two words for a container's subcommand, else one. */
    public Entry find(List<String> words) {
        if (words.isEmpty()) return null;
        if (words.size() >= 2) {
            String two = (words.get(0) + " " + words.get(1)).toUpperCase(Locale.ROOT);
            for (Entry e : entries) if (e.name().equals(two)) return e;
        }
        String one = words.get(0).toUpperCase(Locale.ROOT);
        for (Entry e : entries) if (e.name().equals(one)) return e;
        return null;
    }

    public List<String> groups() {
        TreeSet<String> g = new TreeSet<>();
        for (Entry e : entries) if (!e.group().isEmpty()) g.add(e.group());
        return List.copyOf(g);
    }

    /** Top-level command names, upper case. */
    public List<String> commandNames() {
        List<String> names = new ArrayList<>();
        for (Entry e : entries) if (e.name().indexOf(' ') < 0) names.add(e.name());
        return names;
    }

    /** Subcommand words of a container command, upper case. */
    public List<String> subcommandsOf(String command) {
        String prefix = command.toUpperCase(Locale.ROOT) + " ";
        List<String> subs = new ArrayList<>();
        for (Entry e : entries) if (e.name().startsWith(prefix)) subs.add(e.name().substring(prefix.length()));
        return subs;
    }

    /**
     * hintsCallback: the arguments still to type after {@code words}, or null. Drops one
     * leading word of the syntax per argument typed, stopping at the first optional part.
     */
    public String hint(List<String> words, boolean endsWithSpace) {
        Entry e = find(words);
        if (e == null || e.params().isEmpty()) return null;
        int typed = words.size() - e.words().size();
        String hint = e.params();
        int toremove = typed;
        int i = 0;
        while (toremove > 0 && i < hint.length()) {
            if (hint.charAt(i) == '[') break;
            if (hint.charAt(i) == ' ') toremove--;
            i++;
        }
        hint = hint.substring(i);
        if (typed > 0 && i >= e.params().length()) return null;
        if (hint.isEmpty()) return null;
        return endsWithSpace ? hint : " " + hint;
    }

    // ------------------------------------------------------------------ help output

    void printHelp(PrintStream out, List<String> args) {
        if (args.isEmpty()) {
            out.print("pyredis-cli " + Cli.VERSION + "\r\n"
                    + "To get help about Redis commands type:\r\n"
                    + "      \"help @<group>\" to get a list of commands in <group>\r\n"
                    + "      \"help <command>\" for help on <command>\r\n"
                    + "      \"help <tab>\" to get a list of possible help topics\r\n"
                    + "      \"quit\" to exit\r\n"
                    + "\r\n"
                    + "To set redis-cli preferences:\r\n"
                    + "      \":set hints\" enable online hints\r\n"
                    + "      \":set nohints\" disable online hints\r\n");
            return;
        }
        String group = null;
        if (args.get(0).startsWith("@")) {
            for (String g : groups()) {
                if (g.equalsIgnoreCase(args.get(0).substring(1))) group = g;
            }
        }
        for (Entry e : entries) {
            if (group != null) {
                if (e.group().equals(group)) printEntry(out, e, false);
            } else {
                List<String> w = e.words();
                if (w.size() != args.size()) continue;
                boolean same = true;
                for (int i = 0; i < w.size() && same; i++) same = w.get(i).equalsIgnoreCase(args.get(i));
                if (same) printEntry(out, e, true);
            }
        }
        out.print("\r\n");
    }

    private static void printEntry(PrintStream out, Entry e, boolean withGroup) {
        out.print("\r\n  \u001b[1m" + e.name() + "\u001b[0m \u001b[90m" + e.params() + "\u001b[0m\r\n");
        out.print("  \u001b[33msummary:\u001b[0m " + e.summary() + "\r\n");
        out.print("  \u001b[33msince:\u001b[0m " + e.since() + "\r\n");
        if (withGroup) out.print("  \u001b[33mgroup:\u001b[0m " + e.group() + "\r\n");
    }

    // ------------------------------------------------------------------ fallback

    private static final String BUILTIN = "APPEND AUTH BGREWRITEAOF BGSAVE BITCOUNT BITFIELD BITOP BITPOS BLMOVE BLPOP "
            + "BRPOP BZPOPMAX BZPOPMIN CLIENT COMMAND CONFIG COPY DBSIZE DECR DECRBY DEL DISCARD DUMP ECHO EVAL "
            + "EVALSHA EXEC EXISTS EXPIRE EXPIREAT EXPIRETIME FLUSHALL FLUSHDB GEOADD GEODIST GEOHASH GEOPOS "
            + "GEOSEARCH GET GETDEL GETEX GETRANGE GETSET HDEL HELLO HEXISTS HGET HGETALL HINCRBY HINCRBYFLOAT "
            + "HKEYS HLEN HMGET HMSET HRANDFIELD HSCAN HSET HSETNX HSTRLEN HVALS INCR INCRBY INCRBYFLOAT INFO KEYS "
            + "LASTSAVE LCS LINDEX LINSERT LLEN LMOVE LMPOP LPOP LPOS LPUSH LPUSHX LRANGE LREM LSET LTRIM MEMORY "
            + "MGET MONITOR MOVE MSET MSETNX MULTI OBJECT PERSIST PEXPIRE PEXPIREAT PEXPIRETIME PFADD PFCOUNT "
            + "PFMERGE PING PSETEX PSUBSCRIBE PTTL PUBLISH PUBSUB PUNSUBSCRIBE QUIT RANDOMKEY RENAME RENAMENX "
            + "RESET RESTORE RPOP RPOPLPUSH RPUSH RPUSHX SADD SAVE SCAN SCARD SCRIPT SDIFF SDIFFSTORE SELECT SET "
            + "SETEX SETNX SETRANGE SHUTDOWN SINTER SINTERCARD SINTERSTORE SISMEMBER SLOWLOG SMEMBERS SMISMEMBER "
            + "SMOVE SORT SPOP SRANDMEMBER SREM SSCAN STRLEN SUBSCRIBE SUNION SUNIONSTORE SWAPDB TIME TOUCH TTL "
            + "TYPE UNLINK UNSUBSCRIBE UNWATCH WAIT WATCH XACK XADD XDEL XLEN XRANGE XREAD XREVRANGE XTRIM ZADD "
            + "ZCARD ZCOUNT ZDIFF ZINCRBY ZINTER ZLEXCOUNT ZMSCORE ZPOPMAX ZPOPMIN ZRANDMEMBER ZRANGE "
            + "ZRANGEBYLEX ZRANGEBYSCORE ZRANGESTORE ZRANK ZREM ZREMRANGEBYLEX ZREMRANGEBYRANK ZREMRANGEBYSCORE "
            + "ZREVRANGE ZREVRANK ZSCAN ZSCORE ZUNION ZUNIONSTORE";

    /** Names only, for a server that does not answer COMMAND DOCS. */
    static CommandDocs builtin() {
        List<Entry> out = new ArrayList<>();
        for (String n : BUILTIN.split(" ")) out.add(new Entry(n, "", "", "", ""));
        return new CommandDocs(out);
    }
}
