package io.pyredis.server.internal.config;

import com.fasterxml.jackson.databind.JsonNode;

/** A free-form string parameter; JSON {@code null} means the empty string, as redis.conf's {@code ""}. */
public final class StringParam extends ConfigParam<String> {

    public StringParam(String name, boolean mutable, String defaultValue) {
        super(name, mutable, defaultValue);
    }

    @Override
    protected String expected() {
        return "a string";
    }

    @Override
    protected String parse(String text) {
        return text;
    }

    @Override
    protected String parseJson(JsonNode node) throws BadValueException {
        if (node.isNull()) {
            return "";
        }
        return super.parseJson(node);
    }

    @Override
    protected String format(String v) {
        return v;
    }
}
