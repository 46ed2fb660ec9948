package io.pyredis.server.internal.config;

import java.util.List;
import java.util.Locale;

/** One of a fixed set of lower-case words, such as {@code loglevel}. */
public final class EnumParam extends ConfigParam<String> {

    private final List<String> choices;

    public EnumParam(String name, boolean mutable, String defaultValue, List<String> choices) {
        super(name, mutable, defaultValue);
        this.choices = List.copyOf(choices);
    }

    @Override
    protected String expected() {
        return "one of " + String.join(", ", choices);
    }

    @Override
    protected String parse(String text) throws BadValueException {
        String v = text.trim().toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            throw bad(quote(text));
        }
        return v;
    }

    @Override
    public String redisReason(String text) {
        return "argument(s) must be one of the following: " + String.join(", ", choices);
    }

    @Override
    protected String format(String v) {
        return v;
    }
}
