package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.protocol.RespWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redis 7.0's COMMAND DOCS {@code arguments} tree, derived from the docs syntax line a
 * {@link io.pyredis.api.CommandSpec} holds ({@code key value [NX | XX] [EX seconds | PX milliseconds]}).
 *
 * <p>Grammar: {@code [..]} optional, {@code <..>} required group, {@code |} alternatives (a
 * oneof), {@code x [x ...]} repetition, an UPPER-case word a token: alone a pure-token, before a
 * lower-case word that argument's token ({@code EX seconds}), before a {@code <..>} group the
 * group's token. Names and types Redis's JSON gives that the line does not carry (a oneof's
 * name, integer versus double) are approximated; what clients render from the tree (redis-cli's
 * help and hints) comes out as Redis's. A line this cannot read gives no tree at all.
 */
final class SyntaxArguments {

    /** One argument of the tree; {@code type} is Redis's type name. */
    record Arg(String name, String type, String token, boolean optional, boolean multiple,
               boolean multipleToken, List<Arg> arguments) {

        Arg withOptional() {
            return new Arg(name, type, token, true, multiple, multipleToken, arguments);
        }

        Arg withToken(String t) {
            return new Arg(name, type, t, optional, multiple, multipleToken, arguments);
        }

        Arg withMultiple(boolean withToken) {
            return new Arg(name, type, token, optional, true, withToken, arguments);
        }

        boolean simple() {
            return !type.equals("oneof") && !type.equals("block") && !type.equals("pure-token");
        }

        /** The words this argument stands for once: its token, then its name. */
        List<String> words() {
            if (type.equals("pure-token")) {
                return List.of(token);
            }
            return token == null ? List.of(name) : List.of(token, name);
        }
    }

    private static final Map<String, Optional<List<Arg>>> CACHE = new ConcurrentHashMap<>();

    private SyntaxArguments(ServerContext server) {
    }

    /**
     * The arguments of {@code syntax}; empty for an empty line, {@code null} for a line the
     * grammar does not cover. Cached: specs are few and their lines do not change.
     */
    static List<Arg> of(String syntax) {
        return CACHE.computeIfAbsent(syntax, s -> Optional.ofNullable(parseOrNull(s))).orElse(null);
    }

    static List<Arg> parseOrNull(String syntax) {
        try {
            return parse(syntax);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Parses {@code syntax}; throws {@link IllegalArgumentException} where it cannot. */
    static List<Arg> parse(String syntax) {
        List<String> tokens = lex(syntax);
        if (tokens.isEmpty()) {
            return List.of();
        }
        int[] pos = {0};
        List<List<Object>> alts = parseAlternatives(tokens, pos, null);
        if (pos[0] != tokens.size()) {
            throw new IllegalArgumentException("unbalanced " + tokens.get(pos[0]));
        }
        if (alts.size() != 1) {
            // ON | OFF: Redis's one required oneof
            return List.of(convertGroup(new Group(false, alts)));
        }
        return convertSeq(alts.get(0));
    }

    // ------------------------------------------------------------------ lexing and the raw tree

    private static final String ELLIPSIS = "...";

    private static List<String> lex(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '[' || c == ']' || c == '<' || c == '>' || c == '|') {
                out.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < s.length() && "[]<>| \t\r\n".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    /** A bracketed group of the raw tree. */
    private record Group(boolean optional, List<List<Object>> alternatives) {
    }

    /** Elements up to {@code closer} (consumed), split at top-level bars; words stay strings. */
    private static List<List<Object>> parseAlternatives(List<String> tokens, int[] pos, String closer) {
        List<List<Object>> alts = new ArrayList<>();
        List<Object> cur = new ArrayList<>();
        while (true) {
            if (pos[0] >= tokens.size()) {
                if (closer != null) {
                    throw new IllegalArgumentException("missing " + closer);
                }
                break;
            }
            String t = tokens.get(pos[0]);
            if (t.equals("]") || t.equals(">")) {
                if (!t.equals(closer)) {
                    throw new IllegalArgumentException("unexpected " + t);
                }
                pos[0]++;
                break;
            }
            pos[0]++;
            switch (t) {
                case "|":
                    alts.add(cur);
                    cur = new ArrayList<>();
                    break;
                case "[":
                    cur.add(new Group(true, parseAlternatives(tokens, pos, "]")));
                    break;
                case "<":
                    cur.add(new Group(false, parseAlternatives(tokens, pos, ">")));
                    break;
                default:
                    cur.add(t);
            }
        }
        alts.add(cur);
        for (List<Object> a : alts) {
            if (a.isEmpty()) {
                throw new IllegalArgumentException("empty alternative");
            }
        }
        return alts;
    }

    private static boolean isToken(Object o) {
        if (!(o instanceof String) || o.equals(ELLIPSIS)) {
            return false;
        }
        String s = (String) o;
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isUpperCase(c);
        }
        return letter;
    }

    private static boolean isName(Object o) {
        return o instanceof String && !o.equals(ELLIPSIS) && !isToken(o);
    }

    // ------------------------------------------------------------------ raw tree to arguments

    private static List<Arg> convertSeq(List<Object> seq) {
        List<Arg> out = new ArrayList<>();
        int i = 0;
        while (i < seq.size()) {
            Object n = seq.get(i);
            Object next = i + 1 < seq.size() ? seq.get(i + 1) : null;
            if (isToken(n)) {
                String token = (String) n;
                if (isName(next)) {
                    out.add(named((String) next).withToken(token));
                    i += 2;
                } else if (next instanceof Group && !((Group) next).optional()) {
                    Arg g = convertGroup((Group) next);
                    if (g.token() != null || g.type().equals("pure-token")) {
                        throw new IllegalArgumentException("two tokens for one argument: " + token);
                    }
                    out.add(g.withToken(token));
                    i += 2;
                } else {
                    out.add(pureToken(token));
                    i++;
                }
            } else if (isName(n)) {
                out.add(named((String) n));
                i++;
            } else if (n instanceof Group && isRepeat((Group) n)) {
                List<Object> body = ((Group) n).alternatives().get(0);
                applyRepeat(out, body.subList(0, body.size() - 1));
                i++;
            } else if (n instanceof Group) {
                out.add(convertGroup((Group) n));
                i++;
            } else {
                throw new IllegalArgumentException("stray " + n);
            }
        }
        return out;
    }

    /** {@code [x ...]}: one alternative, ending with the ellipsis. */
    private static boolean isRepeat(Group g) {
        if (!g.optional() || g.alternatives().size() != 1) {
            return false;
        }
        List<Object> body = g.alternatives().get(0);
        return body.size() >= 2 && ELLIPSIS.equals(body.get(body.size() - 1));
    }

    /** Marks what {@code body} repeats, at the end of {@code out}, as multiple. */
    private static void applyRepeat(List<Arg> out, List<Object> body) {
        List<String> words = new ArrayList<>(body.size());
        for (Object o : body) {
            if (!(o instanceof String) || o.equals(ELLIPSIS)) {
                throw new IllegalArgumentException("repetition of a group");
            }
            words.add((String) o);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("repetition of nothing");
        }
        int lastIndex = out.size() - 1;
        Arg last = out.get(lastIndex);
        if (!last.multiple() && last.simple()) {
            if (last.token() != null && words.equals(last.words())) {
                out.set(lastIndex, last.withMultiple(true));
                return;
            }
            if (words.equals(List.of(last.name()))) {
                out.set(lastIndex, last.withMultiple(false));
                return;
            }
        }
        // several arguments repeated together: Redis makes them one multiple block
        for (int k = 2; k <= out.size(); k++) {
            List<Arg> tail = out.subList(out.size() - k, out.size());
            List<String> tailWords = new ArrayList<>();
            boolean plain = true;
            for (Arg a : tail) {
                plain &= !a.multiple() && !a.optional() && a.arguments().isEmpty();
                tailWords.addAll(a.words());
            }
            if (plain && tailWords.equals(words)) {
                Arg block = block(List.copyOf(tail), false).withMultiple(false);
                tail.clear();
                out.add(block);
                return;
            }
        }
        throw new IllegalArgumentException("repetition does not match: " + words);
    }

    private static Arg convertGroup(Group g) {
        List<List<Object>> alts = g.alternatives();
        String groupToken = null;
        // [AGGREGATE SUM | MIN | MAX]: the first word is the token of a oneof of the rest
        if (alts.size() > 1 && alts.get(0).size() == 2 && isToken(alts.get(0).get(0))
                && isToken(alts.get(0).get(1)) && allSingleTokens(alts.subList(1, alts.size()))) {
            groupToken = (String) alts.get(0).get(0);
            List<List<Object>> rest = new ArrayList<>();
            rest.add(List.of(alts.get(0).get(1)));
            rest.addAll(alts.subList(1, alts.size()));
            alts = rest;
        }
        Arg arg;
        if (alts.size() == 1) {
            List<Arg> args = convertSeq(alts.get(0));
            arg = args.size() == 1 ? args.get(0) : block(args, true);
        } else {
            List<Arg> children = new ArrayList<>(alts.size());
            for (List<Object> alt : alts) {
                List<Arg> args = convertSeq(alt);
                children.add(args.size() == 1 ? args.get(0) : allOptional(args) ? anyOf(args) : block(args, true));
            }
            arg = new Arg(joinNames(children), "oneof", groupToken, false, false, false, List.copyOf(children));
        }
        return g.optional() ? arg.withOptional() : arg;
    }

    private static boolean allOptional(List<Arg> args) {
        for (Arg a : args) {
            if (!a.optional()) {
                return false;
            }
        }
        return true;
    }

    /**
     * An alternative made only of options ({@code ip:port | [ID client-id] [USER username]}):
     * Redis's JSON has it as a multiple oneof of the options (CLIENT KILL's new-format).
     */
    private static Arg anyOf(List<Arg> args) {
        return new Arg(joinNames(args), "oneof", null, false, true, false, List.copyOf(args));
    }

    private static boolean allSingleTokens(List<List<Object>> alts) {
        for (List<Object> a : alts) {
            if (a.size() != 1 || !isToken(a.get(0))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A block of {@code args}; with {@code hoist}, a token on its first argument becomes the
     * block's ({@code LIMIT offset count} is Redis's block {@code offset_count} with token LIMIT).
     */
    private static Arg block(List<Arg> args, boolean hoist) {
        String token = null;
        List<Arg> children = args;
        Arg first = args.get(0);
        if (hoist && first.token() != null && first.simple() && !first.multiple() && !first.optional()) {
            token = first.token();
            children = new ArrayList<>(args);
            children.set(0, first.withToken(null));
        }
        return new Arg(joinNames(children), "block", token, false, false, false, List.copyOf(children));
    }

    private static String joinNames(List<Arg> args) {
        StringBuilder sb = new StringBuilder();
        for (Arg a : args) {
            if (sb.length() > 0) {
                sb.append('_');
            }
            sb.append(a.name());
        }
        return sb.toString();
    }

    private static Arg pureToken(String token) {
        return new Arg(token.toLowerCase(Locale.ROOT), "pure-token", token, false, false, false, List.of());
    }

    private static Arg named(String name) {
        return new Arg(name, typeOf(name), null, false, false, false, List.of());
    }

    /** Redis's type for an argument called {@code name}, as its JSON files mostly have it. */
    static String typeOf(String name) {
        switch (name) {
            case "key":
            case "key1":
            case "key2":
            case "newkey":
            case "source":
            case "destination":
            case "dst":
            case "src":
                return "key";
            case "pattern":
                return "pattern";
            case "unix-time-seconds":
            case "unix-time-milliseconds":
                return "unix-time";
            case "timeout":
            case "score":
                return "double";
            case "seconds":
            case "milliseconds":
            case "count":
            case "offset":
            case "index":
            case "index1":
            case "index2":
            case "start":
            case "stop":
            case "end":
            case "numkeys":
            case "db":
            case "destination-db":
            case "rank":
            case "num-matches":
            case "len":
            case "limit":
            case "cursor":
            case "weight":
            case "decrement":
            case "client-id":
            case "protover":
            case "numreplicas":
                return "integer";
            default:
                return "string";
        }
    }

    // ------------------------------------------------------------------ the reply

    /**
     * Writes {@code args} as Redis's addReplyCommandArgList does. With {@code keySpec}, key
     * arguments point at key spec 0: the one range spec COMMAND INFO reports for the command.
     */
    static void write(RespWriter w, List<Arg> args, boolean keySpec) {
        w.array(args.size());
        for (Arg a : args) {
            boolean flags = a.optional() || a.multiple() || a.multipleToken();
            boolean keyIndex = keySpec && a.type().equals("key");
            int fields = 2 + (keyIndex ? 1 : 0) + (a.token() != null ? 1 : 0) + (flags ? 1 : 0)
                    + (a.arguments().isEmpty() ? 0 : 1);
            w.map(fields);
            w.bulk("name");
            w.bulk(a.name());
            w.bulk("type");
            w.bulk(a.type());
            if (keyIndex) {
                w.bulk("key_spec_index");
                w.integer(0);
            }
            if (a.token() != null) {
                w.bulk("token");
                w.bulk(a.token());
            }
            if (flags) {
                w.bulk("flags");
                w.set((a.optional() ? 1 : 0) + (a.multiple() ? 1 : 0) + (a.multipleToken() ? 1 : 0));
                if (a.optional()) {
                    w.simple("optional");
                }
                if (a.multiple()) {
                    w.simple("multiple");
                }
                if (a.multipleToken()) {
                    w.simple("multiple_token");
                }
            }
            if (!a.arguments().isEmpty()) {
                w.bulk("arguments");
                write(w, a.arguments(), keySpec);
            }
        }
    }
}
