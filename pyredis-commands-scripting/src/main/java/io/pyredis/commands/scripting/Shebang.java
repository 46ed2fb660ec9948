package io.pyredis.commands.scripting;

import io.pyredis.api.RedisError;
import io.pyredis.api.ScriptRun;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A script's first line {@code #!lua flags=no-writes,allow-oom}, as eval.c's
 * evalExtractShebangFlags: the flags it declares (a script without one is in EVAL's
 * compatibility mode) and where the code starts (the line's end: the line feed stays, so
 * that line numbers are the user's).
 */
record Shebang(int flags, int length) {

    static final Shebang NONE = new Shebang(ScriptRun.EVAL_COMPAT_MODE, 0);

    /**
     * @throws RedisError with Redis's text when the line is bad
     */
    static Shebang parse(byte[] body) {
        if (body.length < 2 || body[0] != '#' || body[1] != '!') {
            return NONE;
        }
        int end = 0;
        while (end < body.length && body[end] != '\n') {
            end++;
        }
        if (end == body.length) {
            throw new RedisError("ERR Invalid script shebang");
        }
        List<String> parts = splitArgs(new String(body, 0, end, StandardCharsets.UTF_8));
        if (parts == null || parts.isEmpty()) {
            throw new RedisError("ERR Invalid engine in script shebang");
        }
        if (!parts.get(0).equals("#!lua")) {
            throw new RedisError("ERR Unexpected engine in script shebang: " + parts.get(0));
        }
        int flags = 0;
        for (int j = 1; j < parts.size(); j++) {
            String p = parts.get(j);
            if (!p.startsWith("flags=")) {
                throw new RedisError("ERR Unknown lua shebang option: " + p);
            }
            String list = p.substring(6);
            if (list.isEmpty()) {
                continue;
            }
            for (String f : list.split(",", -1)) {
                int bit = flag(f);
                if (bit < 0) {
                    throw new RedisError("ERR Unexpected flag in script shebang: " + f);
                }
                flags |= bit;
            }
        }
        return new Shebang(flags, end);
    }

    /** scripts_flags_def. */
    private static int flag(String name) {
        switch (name) {
            case "no-writes":
                return ScriptRun.NO_WRITES;
            case "allow-oom":
                return ScriptRun.ALLOW_OOM;
            case "allow-stale":
                return ScriptRun.ALLOW_STALE;
            case "no-cluster":
                return ScriptRun.NO_CLUSTER;
            case "allow-cross-slot-keys":
                return ScriptRun.ALLOW_CROSS_SLOT;
            default:
                return -1;
        }
    }

    /** sdssplitargs, enough for a shebang line: words split on blanks, quotes kept together; null when unbalanced. */
    private static List<String> splitArgs(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i == n) {
                return out;
            }
            StringBuilder w = new StringBuilder();
            char quote = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                        i++;
                        if (i < n && !Character.isWhitespace(s.charAt(i))) {
                            return null;
                        }
                        break;
                    }
                    w.append(c);
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (Character.isWhitespace(c)) {
                    break;
                } else {
                    w.append(c);
                }
                i++;
            }
            if (quote != 0) {
                return null;
            }
            out.add(w.toString());
        }
    }
}
