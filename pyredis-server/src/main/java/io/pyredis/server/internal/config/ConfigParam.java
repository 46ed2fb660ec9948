package io.pyredis.server.internal.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One config parameter, as an entry of Redis 7.0's {@code static_configs[]} table: its
 * name, its alias (the old name Redis still answers to, e.g. {@code list-max-ziplist-size}),
 * its {@link Flag}s and its current value. {@link #get()} is the form CONFIG GET shows,
 * {@link #parse(String)} reads the form redis.conf, the command line and CONFIG SET use and
 * refuses what Redis refuses, with Redis's words. JSON values are mapped onto the same
 * rules, so a file and the command line accept the same things.
 *
 * <p>Hooks run after a change, on the caller's thread (CONFIG SET runs on the event loop),
 * and let the server react (reschedule the cron for {@code hz}, ...). A hook may refuse
 * the new value by throwing {@link BadValueException}, as Redis's apply functions fail
 * (a port already in use): CONFIG SET then puts every value of the call back.
 *
 * @param <T> the Java type of the value
 */
public abstract class ConfigParam<T> {

    /** Redis's config flags (server.h) that change how CONFIG GET/SET treat a parameter. */
    public enum Flag {
        /** Set only at startup (file, command line): CONFIG SET refuses it. */
        IMMUTABLE,
        /** A secret: its value is redacted from the slow log and MONITOR. */
        SENSITIVE,
        /** Useful for debugging (Redis shows these in its crash report). */
        DEBUG,
        /** The value is several words, split on single spaces. */
        MULTI_ARG,
        /** Only an exact CONFIG GET shows it, never a pattern. */
        HIDDEN,
        /** CONFIG SET only when {@code enable-protected-configs} allows it. */
        PROTECTED,
        /** CONFIG SET refused while a dataset is loading. */
        DENY_LOADING
    }

    /** The hook type: may refuse the value (the whole CONFIG SET is then undone). */
    @FunctionalInterface
    public interface Hook<T> {
        void changed(T value) throws BadValueException;
    }

    private final String name;
    private final String alias;
    private final Set<Flag> flags;
    private final String defaultText;
    private final List<Hook<T>> hooks = new ArrayList<>(1);
    private Function<T, String> check;
    private volatile T value;

    protected ConfigParam(String name, String alias, Set<Flag> flags, T defaultValue) {
        this.name = Objects.requireNonNull(name);
        this.alias = alias;
        this.flags = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
        this.value = defaultValue;
        this.defaultText = format(defaultValue);
    }

    /** A parameter without alias or flags other than {@link Flag#IMMUTABLE} when not {@code mutable}. */
    protected ConfigParam(String name, boolean mutable, T defaultValue) {
        this(name, null, mutable ? Set.of() : Set.of(Flag.IMMUTABLE), defaultValue);
    }

    /** The redis.conf name. */
    public final String name() {
        return name;
    }

    /** The other name Redis accepts for it (its pre-7.0 or pre-5.0 name), or null. */
    public final String alias() {
        return alias;
    }

    public final boolean has(Flag f) {
        return flags.contains(f);
    }

    /** Whether CONFIG SET may change it while the server runs. */
    public final boolean mutable() {
        return !flags.contains(Flag.IMMUTABLE);
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

    /**
     * Adds a check of parsed values beyond the type's (Redis's is_valid_fn): {@code check}
     * returns Redis's error text for a value it refuses, null for one it accepts. Returns this.
     */
    public final ConfigParam<T> check(Function<T, String> check) {
        this.check = check;
        return this;
    }

    /** Parses, validates and applies {@code text}, then runs the hooks. */
    public final void set(String text) throws BadValueException {
        store(validated(parse(text)));
    }

    /** As {@link #set(String)} for a value from a JSON config file. */
    public final void setJson(JsonNode node) throws BadValueException {
        store(validated(parseJson(node)));
    }

    /**
     * Parses and validates {@code text} without applying it: CONFIG SET prepares every pair
     * before changing any, so a refused value leaves all parameters unchanged.
     */
    public final Change<T> prepare(String text) throws BadValueException {
        return new Change<>(this, validated(parse(text)));
    }

    /** A parsed value ready to be stored, and what it replaces (to put back). */
    public static final class Change<T> {
        private final ConfigParam<T> param;
        private final T next;
        private T previous;

        Change(ConfigParam<T> param, T next) {
            this.param = param;
            this.next = next;
        }

        public ConfigParam<T> param() {
            return param;
        }

        /** Stores the new value; false when it equals the current one (Redis then runs no apply function). */
        public boolean store() {
            previous = param.value;
            param.value = next;
            return !param.format(previous).equals(param.format(next));
        }

        /** Runs the hooks with the new value. */
        public void apply() throws BadValueException {
            param.runHooks(next);
        }

        /** Puts the previous value back and tells the hooks (whose refusal is only logged). */
        public void revert(boolean applied) {
            param.value = previous;
            if (applied) {
                try {
                    param.runHooks(previous);
                } catch (BadValueException e) {
                    org.slf4j.LoggerFactory.getLogger(ConfigParam.class).warn(
                            "Failed applying restored failed CONFIG SET command: {}", e.reason());
                }
            }
        }
    }

    /** Registers a hook run with the new value after each change (see {@link Hook}). */
    public final void onChange(Hook<T> hook) {
        hooks.add(hook);
    }

    private T validated(T v) throws BadValueException {
        String err = check == null ? null : check.apply(v);
        if (err != null) {
            throw bad(err);
        }
        return v;
    }

    private void store(T v) throws BadValueException {
        T old = value;
        value = v;
        try {
            runHooks(v);
        } catch (BadValueException e) {
            value = old;
            throw e;
        }
    }

    private void runHooks(T v) throws BadValueException {
        for (Hook<T> h : hooks) {
            h.changed(v);
        }
    }

    /** Reads {@code text} as CONFIG SET and redis.conf write it; throws with Redis's reason. */
    protected abstract T parse(String text) throws BadValueException;

    protected abstract String format(T v);

    /**
     * JSON mapping: strings go through {@link #parse}, numbers and booleans as their text
     * ({@code true} is {@code "yes"}), null as the empty string; arrays of strings and
     * numbers as their elements joined by spaces (the words of a multi-word value).
     */
    protected T parseJson(JsonNode node) throws BadValueException {
        if (node.isTextual()) {
            return parse(node.textValue());
        }
        if (node.isNull()) {
            return parse("");
        }
        if (node.isBoolean()) {
            return parse(node.booleanValue() ? "yes" : "no");
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return parse(Long.toString(node.longValue()));
        }
        if (node.isNumber()) {
            return parse(node.asText());
        }
        if (node.isArray()) {
            List<String> words = new ArrayList<>();
            for (JsonNode e : node) {
                if (!(e.isTextual() || e.isNumber())) {
                    throw bad("a JSON array must hold strings or numbers");
                }
                words.add(e.asText());
            }
            return parse(String.join(" ", words));
        }
        throw bad("a JSON object is not a config value");
    }

    /** The error for a refused value, with Redis's reason. */
    protected final BadValueException bad(String reason) {
        return new BadValueException(name, reason);
    }

    /** Redis's sdssplitlen(value, " "): the words of a multi-word value ({@code ""} has none). */
    protected static String[] words(String text) {
        return text.isEmpty() ? new String[0] : text.split(" ", -1);
    }
}
