package io.pyredis.server.internal.config;

import java.util.Set;

/**
 * A free-form string parameter (Redis's string and sds configs); {@link #check} adds what
 * Redis validates (a file name without a path, ...). JSON {@code null} is the empty string.
 */
public final class StringParam extends ConfigParam<String> {

    /**
     * Turns a valid value into its stored form ({@code replicaof "no one"} is {@code ""}), or
     * throws IllegalArgumentException whose message is Redis's reason.
     */
    @FunctionalInterface
    public interface Reader {
        String read(String text);
    }

    private final Reader reader;

    public StringParam(String name, String alias, Set<Flag> flags, String defaultValue, Reader reader) {
        super(name, alias, flags, defaultValue);
        this.reader = reader;
    }

    public StringParam(String name, String alias, Set<Flag> flags, String defaultValue) {
        this(name, alias, flags, defaultValue, null);
    }

    public StringParam(String name, boolean mutable, String defaultValue) {
        this(name, null, mutable ? Set.of() : Set.of(Flag.IMMUTABLE), defaultValue);
    }

    @Override
    protected String parse(String text) throws BadValueException {
        try {
            return reader == null ? text : reader.read(text);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    @Override
    protected String format(String v) {
        return v;
    }
}
