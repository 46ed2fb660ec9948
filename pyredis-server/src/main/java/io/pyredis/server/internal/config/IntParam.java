package io.pyredis.server.internal.config;

import com.fasterxml.jackson.databind.JsonNode;

/** An integer parameter with an inclusive range. */
public final class IntParam extends ConfigParam<Integer> {

    private final int min;
    private final int max;

    public IntParam(String name, boolean mutable, int defaultValue, int min, int max) {
        super(name, mutable, defaultValue);
        this.min = min;
        this.max = max;
    }

    /** The current value, unboxed. */
    public int intValue() {
        return value();
    }

    @Override
    protected String expected() {
        return max == Integer.MAX_VALUE ? "an integer of at least " + min : "an integer from " + min + " to " + max;
    }

    @Override
    protected Integer parse(String text) throws BadValueException {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw bad(quote(text));
        }
        if (v < min || v > max) {
            throw bad(quote(text));
        }
        return (int) v;
    }

    @Override
    public String redisReason(String text) {
        try {
            Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return "argument couldn't be parsed into an integer";
        }
        return "argument must be between " + min + " and " + max + " inclusive";
    }

    @Override
    protected Integer parseJson(JsonNode node) throws BadValueException {
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
                throw bad(node.toString());
            }
            return (int) node.longValue();
        }
        return super.parseJson(node);
    }

    @Override
    protected String format(Integer v) {
        return Integer.toString(v);
    }
}
