package io.pyredis.server.internal.config;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code save}: pairs of "seconds changes" (snapshot when at least {@code changes} keys
 * changed within {@code seconds}); the empty string disables snapshots.
 */
public final class SaveParam extends ConfigParam<String> {

    public SaveParam(String name, boolean mutable, String defaultValue) {
        super(name, mutable, defaultValue);
    }

    @Override
    protected String expected() {
        return "pairs of \"<seconds> <changes>\" or \"\"";
    }

    @Override
    protected String parse(String text) throws BadValueException {
        if (rules(text) == null) {
            throw bad(quote(text));
        }
        return String.join(" ", text.trim().split("\\s+")).trim();
    }

    @Override
    public String redisReason(String text) {
        return "Invalid save parameters";
    }

    @Override
    protected String format(String v) {
        return v;
    }

    /** The rules as {seconds, changes} pairs, or null when {@code text} is not valid. */
    public static List<long[]> rules(String text) {
        String t = text.trim();
        List<long[]> out = new ArrayList<>();
        if (t.isEmpty()) {
            return out;
        }
        String[] parts = t.split("\\s+");
        if (parts.length % 2 != 0) {
            return null;
        }
        for (int i = 0; i < parts.length; i += 2) {
            try {
                long secs = Long.parseLong(parts[i]);
                long changes = Long.parseLong(parts[i + 1]);
                if (secs < 1 || changes < 0) {
                    return null;
                }
                out.add(new long[] {secs, changes});
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }
}
