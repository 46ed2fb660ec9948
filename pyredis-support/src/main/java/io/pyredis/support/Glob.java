package io.pyredis.support;

/**
 * Redis's glob-style matching (util.c {@code stringmatchlen}), as KEYS, SCAN MATCH,
 * PSUBSCRIBE and CONFIG GET use it, byte for byte:
 *
 * <ul>
 *   <li>{@code *} matches any run of bytes, {@code ?} any one byte;</li>
 *   <li>{@code [abc]}, {@code [a-z]} (ends in either order), {@code [^x]} classes, with
 *       {@code \} escaping inside; an unterminated class takes the rest of the pattern;
 *       {@code [a-]} is the range from {@code a} to {@code ]}, as in Redis;</li>
 *   <li>{@code \x} matches {@code x}; a trailing lone {@code \} matches itself;</li>
 *   <li>bytes compare as C's signed {@code char}, so ranges across 0x80 behave as in Redis;</li>
 *   <li>an empty string matches only the empty pattern (even {@code *} does not match it:
 *       KEYS and SCAN skip matching for the pattern {@code *} altogether);</li>
 *   <li>a pattern that reaches more than 1000 non-trailing groups of stars fails, as Redis
 *       7.0's recursion limit makes it.</li>
 * </ul>
 *
 * <p>Unlike Redis's recursive code this runs in a loop that only ever backtracks to the
 * last star seen (which is all Redis's {@code skipLongerMatches} lets it do anyway), so
 * no pattern costs more than O(pattern × string) time or any stack.
 *
 * @since 0.1
 */
public final class Glob {

    /** Redis's {@code nesting > 1000} limit on star recursion. */
    private static final int MAX_STAR_NESTING = 1000;

    private Glob() {
    }

    /** Whether {@code string} matches {@code pattern}, case-sensitively (KEYS, SCAN, PSUBSCRIBE). */
    public static boolean matches(byte[] pattern, byte[] string) {
        return matches(pattern, 0, pattern.length, string, 0, string.length, false);
    }

    /**
     * Whether {@code string} matches {@code pattern}; with {@code nocase} ASCII letters
     * compare case-insensitively (as CONFIG GET matches names), except escaped ones inside
     * a class, as in Redis.
     */
    public static boolean matches(byte[] pattern, byte[] string, boolean nocase) {
        return matches(pattern, 0, pattern.length, string, 0, string.length, nocase);
    }

    /**
     * Whether {@code string[soff, soff+slen)} matches {@code pattern[poff, poff+plen)}.
     *
     * @throws IndexOutOfBoundsException if a range is outside its array
     */
    public static boolean matches(byte[] pattern, int poff, int plen, byte[] string, int soff, int slen,
                                  boolean nocase) {
        java.util.Objects.checkFromIndexSize(poff, plen, pattern.length);
        java.util.Objects.checkFromIndexSize(soff, slen, string.length);
        final int pend = poff + plen;
        final int send = soff + slen;
        int p = poff;
        int s = soff;
        if (s == send) {
            return p == pend;
        }
        // The pattern index right after the last star group reached, and where in the
        // string its current attempt starts: the only state backtracking ever needs.
        int starP = -1;
        int starS = 0;
        int stars = 0;
        int starsAtStar = 0;
        while (true) {
            boolean ok;
            if (p >= pend) {
                ok = false;
            } else {
                byte c = pattern[p];
                if (c == '*') {
                    while (p + 1 < pend && pattern[p + 1] == '*') {
                        p++;
                    }
                    if (p + 1 == pend) {
                        return true;
                    }
                    stars++;
                    if (stars > MAX_STAR_NESTING) {
                        return false;
                    }
                    starP = p + 1;
                    starS = s;
                    starsAtStar = stars;
                    p = starP;
                    continue;
                } else if (c == '?') {
                    ok = true;
                    p++;
                } else if (c == '[') {
                    long r = matchClass(pattern, p + 1, pend, string[s], nocase);
                    ok = r >= 0;
                    p = (int) (r < 0 ? ~r : r);
                } else {
                    if (c == '\\' && pend - p >= 2) {
                        p++;
                        c = pattern[p];
                    }
                    ok = nocase ? lower(c) == lower(string[s]) : c == string[s];
                    p++;
                }
                if (ok) {
                    s++;
                    if (s == send) {
                        while (p < pend && pattern[p] == '*') {
                            p++;
                        }
                        if (p == pend) {
                            return true;
                        }
                        ok = false;
                    } else {
                        continue;
                    }
                }
            }
            // Mismatch: let the last star take one more byte, if it can.
            if (starP < 0) {
                return false;
            }
            starS++;
            if (starS >= send) {
                return false;
            }
            s = starS;
            p = starP;
            stars = starsAtStar;
        }
    }

    /**
     * Matches one byte against the class starting at {@code p} (just after {@code [}).
     * Returns the index after the class when it matches, its complement when not.
     * Reads the pattern exactly as Redis does, including the NUL it finds past the end.
     */
    private static long matchClass(byte[] pat, int p, int pend, byte sc, boolean nocase) {
        boolean not = at(pat, p, pend) == '^';
        if (not) {
            p++;
        }
        boolean match = false;
        while (true) {
            int left = pend - p;
            byte pc = at(pat, p, pend);
            if (pc == '\\' && left >= 2) {
                p++;
                if (pat[p] == sc) {
                    match = true;
                }
            } else if (pc == ']') {
                break;
            } else if (left == 0) {
                // Unterminated: Redis steps back so that its final increment ends the pattern.
                p--;
                break;
            } else if (left >= 3 && pat[p + 1] == '-') {
                int start = pat[p];
                int end = pat[p + 2];
                int c = sc;
                if (start > end) {
                    int t = start;
                    start = end;
                    end = t;
                }
                if (nocase) {
                    start = lower(start);
                    end = lower(end);
                    c = lower(c);
                }
                p += 2;
                if (c >= start && c <= end) {
                    match = true;
                }
            } else if (nocase ? lower(pc) == lower(sc) : pc == sc) {
                match = true;
            }
            p++;
        }
        p++;
        if (not) {
            match = !match;
        }
        return match ? p : ~(long) p;
    }

    private static byte at(byte[] pat, int p, int pend) {
        return p < pend ? pat[p] : 0;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
