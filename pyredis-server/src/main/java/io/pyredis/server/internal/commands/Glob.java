package io.pyredis.server.internal.commands;

/**
 * Redis's glob-style matcher (util.c stringmatchlen) over strings: {@code *}, {@code ?},
 * {@code [abc]}, {@code [^a-z]} and {@code \} escapes. CONFIG GET and COMMAND LIST
 * FILTERBY PATTERN match without regard to case, as Redis does.
 */
final class Glob {

    private Glob() {
    }

    /** Whether {@code s} matches {@code pattern}, ignoring ASCII case. */
    static boolean matchNoCase(String pattern, String s) {
        return match(pattern, 0, s, 0, true);
    }

    private static boolean match(String p, int pi, String s, int si, boolean nocase) {
        int plen = p.length();
        int slen = s.length();
        while (pi < plen && si < slen) {
            char c = p.charAt(pi);
            switch (c) {
                case '*':
                    while (pi + 1 < plen && p.charAt(pi + 1) == '*') {
                        pi++;
                    }
                    if (pi + 1 == plen) {
                        return true;
                    }
                    for (int k = si; k < slen; k++) {
                        if (match(p, pi + 1, s, k, nocase)) {
                            return true;
                        }
                    }
                    return false;
                case '?':
                    si++;
                    break;
                case '[': {
                    pi++;
                    boolean not = pi < plen && p.charAt(pi) == '^';
                    if (not) {
                        pi++;
                    }
                    boolean matched = false;
                    char sc = s.charAt(si);
                    while (true) {
                        if (pi >= plen) {
                            pi--;
                            break;
                        }
                        char pc = p.charAt(pi);
                        if (pc == '\\' && pi + 1 < plen) {
                            pi++;
                            if (p.charAt(pi) == sc) {
                                matched = true;
                            }
                        } else if (pc == ']') {
                            break;
                        } else if (pi + 2 < plen && p.charAt(pi + 1) == '-') {
                            char start = pc;
                            char end = p.charAt(pi + 2);
                            char cc = sc;
                            if (start > end) {
                                char t = start;
                                start = end;
                                end = t;
                            }
                            if (nocase) {
                                start = Character.toLowerCase(start);
                                end = Character.toLowerCase(end);
                                cc = Character.toLowerCase(cc);
                            }
                            pi += 2;
                            if (cc >= start && cc <= end) {
                                matched = true;
                            }
                        } else if (nocase ? Character.toLowerCase(pc) == Character.toLowerCase(sc) : pc == sc) {
                            matched = true;
                        }
                        pi++;
                    }
                    if (not) {
                        matched = !matched;
                    }
                    if (!matched) {
                        return false;
                    }
                    si++;
                    break;
                }
                case '\\':
                    if (pi + 1 < plen) {
                        pi++;
                        c = p.charAt(pi);
                    }
                    // fall through: the escaped character is matched literally
                default:
                    char sc = s.charAt(si);
                    if (nocase ? Character.toLowerCase(c) != Character.toLowerCase(sc) : c != sc) {
                        return false;
                    }
                    si++;
                    break;
            }
            pi++;
        }
        while (pi < plen && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == plen && si == slen;
    }
}
