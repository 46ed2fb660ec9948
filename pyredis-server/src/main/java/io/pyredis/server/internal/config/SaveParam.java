package io.pyredis.server.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code save}: pairs of "seconds changes" (snapshot when at least {@code changes} keys
 * changed within {@code seconds}); {@code ""} disables snapshots. Checked as Redis's
 * setConfigSaveOption (words split on single spaces, strtoll).
 */
public final class SaveParam extends ConfigParam<String> {

    public SaveParam(String name, boolean mutable, String defaultValue) {
        super(name, null, mutable ? Set.of(Flag.MULTI_ARG) : Set.of(Flag.MULTI_ARG, Flag.IMMUTABLE), defaultValue);
    }

    @Override
    protected String parse(String text) throws BadValueException {
        List<long[]> rules = rules(text);
        if (rules == null) {
            throw bad("Invalid save parameters");
        }
        StringBuilder sb = new StringBuilder();
        for (long[] r : rules) {
            sb.append(sb.length() == 0 ? "" : " ").append(r[0]).append(' ').append(r[1]);
        }
        return sb.toString();
    }

    @Override
    protected String format(String v) {
        return v;
    }

    /** The rules as {seconds, changes} pairs, or null when {@code text} is not valid. */
    public static List<long[]> rules(String text) {
        String[] parts = words(text);
        List<long[]> out = new ArrayList<>();
        if (parts.length == 1 && parts[0].isEmpty()) {
            return out;
        }
        if (parts.length % 2 != 0) {
            return null;
        }
        for (int i = 0; i < parts.length; i += 2) {
            Long secs = strtoll(parts[i]);
            Long changes = strtoll(parts[i + 1]);
            if (secs == null || changes == null || secs < 1 || changes < 0) {
                return null;
            }
            // Redis keeps changes in an int.
            out.add(new long[] {secs, (int) (long) changes});
        }
        return out;
    }

    /** strtoll(s, &end, 10) with nothing left over: leading blanks and a sign allowed, "" is 0. */
    static Long strtoll(String s) {
        String t = s.stripLeading();
        if (t.isEmpty()) {
            return 0L;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // Out of range saturates in C; anything else is refused.
            return t.matches("[+-]?[0-9]+") ? (t.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE) : null;
        }
    }
}
