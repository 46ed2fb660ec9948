package io.pyredis.server.internal.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** A yes/no parameter: JSON {@code true}/{@code false}, or {@code "yes"}/{@code "no"} as redis.conf writes it. */
public final class BoolParam extends ConfigParam<Boolean> {

    public BoolParam(String name, boolean mutable, boolean defaultValue) {
        super(name, mutable, defaultValue);
    }

    /** The current value, unboxed. */
    public boolean isOn() {
        return value();
    }

    @Override
    protected String expected() {
        return "true or false (or \"yes\" or \"no\")";
    }

    @Override
    protected Boolean parse(String text) throws BadValueException {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "yes":
            case "true":
                return true;
            case "no":
            case "false":
                return false;
            default:
                throw bad(quote(text));
        }
    }

    @Override
    public String redisReason(String text) {
        return "argument must be 'yes' or 'no'";
    }

    @Override
    protected Boolean parseJson(JsonNode node) throws BadValueException {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return super.parseJson(node);
    }

    @Override
    protected String format(Boolean v) {
        return v ? "yes" : "no";
    }
}
