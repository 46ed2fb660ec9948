package io.pyredis.server.internal.config;

import java.util.List;
import java.util.Set;

/**
 * {@code bind}: a list of addresses, written as words separated by single spaces (or a
 * JSON array); {@code ""} is none. CONFIG GET shows them space-separated.
 */
public final class ListParam extends ConfigParam<List<String>> {

    /** Redis's CONFIG_BINDADDR_MAX. */
    private static final int MAX = 16;

    public ListParam(String name, Set<Flag> flags, List<String> defaultValue) {
        super(name, null, flags, List.copyOf(defaultValue));
    }

    @Override
    protected List<String> parse(String text) throws BadValueException {
        String[] w = words(text);
        if (w.length > MAX) {
            throw bad("Too many bind addresses specified.");
        }
        return List.of(w.length == 1 && w[0].isEmpty() ? new String[0] : w);
    }

    @Override
    protected String format(List<String> v) {
        return String.join(" ", v);
    }
}
