package io.pyredis.server.internal.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One config parameter, named as in redis.conf. Holds its current value; {@link #get()}
 * is the form CONFIG GET shows, {@link #set(String)} parses and validates the form
 * redis.conf, the command line and CONFIG SET use. JSON values are mapped onto the same
 * rules, so a file and the command line accept the same things.
 *
 * <p>Apply hooks run after a successful change, on the caller's thread (CONFIG SET runs
 * on the event loop), and let the server react (reschedule the cron for {@code hz}, ...).
 *
 * @param <T> the Java type of the value
 */
public abstract class ConfigParam<T> {

    private final String name;
    private final boolean mutable;
    private final String defaultText;
    private final List<Consumer<T>> hooks = new ArrayList<>(1);
    private volatile T value;

    protected ConfigParam(String name, boolean mutable, T defaultValue) {
        this.name = Objects.requireNonNull(name);
        this.mutable = mutable;
        this.value = defaultValue;
        this.defaultText = format(defaultValue);
    }

    /** The redis.conf name. */
    public final String name() {
        return name;
    }

    /** Whether CONFIG SET may change it while the server runs. */
    public final boolean mutable() {
        return mutable;
    }

    /** The current value. */
    public final T value() {
        return value;
    }

    /** The current value as CONFIG GET shows it. */
    public final String get() {
        return format(value);
    }

    /** The default value as CONFIG GET would show it. */
    public final String defaultText() {
        return defaultText;
    }

    /** Parses, validates and applies {@code text}, then runs the apply hooks. */
    public final void set(String text) throws BadValueException {
        apply(parse(text));
    }

    /**
     * Parses and validates {@code text} without applying it; the returned action applies
     * it (and runs the hooks). CONFIG SET prepares every pair before applying any, so a
     * refused value leaves all parameters unchanged.
     */
    public final Runnable prepare(String text) throws BadValueException {
        T v = parse(text);
        return () -> apply(v);
    }

    /**
     * Why Redis's CONFIG SET refuses {@code text}, in Redis's words (after
     * {@code "... - "}): {@code argument couldn't be parsed into an integer}.
     */
    public String redisReason(String text) {
        return "argument couldn't be parsed";
    }

    /** As {@link #set(String)} for a value from a JSON config file. */
    public final void setJson(JsonNode node) throws BadValueException {
        apply(parseJson(node));
    }

    /** Registers a hook run with the new value after each successful change. */
    public final void onChange(Consumer<T> hook) {
        hooks.add(hook);
    }

    private void apply(T v) {
        value = v;
        for (Consumer<T> h : hooks) {
            h.accept(v);
        }
    }

    /** What the value must be, for messages: {@code "an integer from 0 to 65535"}. */
    protected abstract String expected();

    protected abstract T parse(String text) throws BadValueException;

    protected abstract String format(T v);

    /** Default JSON mapping: strings go through {@link #parse}; other nodes are refused. */
    protected T parseJson(JsonNode node) throws BadValueException {
        if (node.isTextual()) {
            return parse(node.textValue());
        }
        throw bad(node.toString());
    }

    /** The error for a refused value; {@code shown} is the value as the user wrote it. */
    protected final BadValueException bad(String shown) {
        return new BadValueException(name, "must be " + expected() + ", got " + shown);
    }

    /** {@code text} quoted for messages, as JSON shows a string. */
    protected static String quote(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
