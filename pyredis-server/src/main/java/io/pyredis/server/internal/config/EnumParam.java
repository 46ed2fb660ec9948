package io.pyredis.server.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One of a fixed set of words, as Redis's enum configs: matched in any case, shown as
 * Redis shows it (the first word of the value, so {@code oom-score-adj relative} reads back
 * {@code yes}). A {@link Flag#MULTI_ARG} enum is a set of bit flags written as several
 * words ({@code shutdown-on-sigterm "nosave now"}), as Redis's configEnumGetValue/GetName.
 */
public final class EnumParam extends ConfigParam<String> {

    private final List<String> names;
    private final int[] values;

    /**
     * @param choices the words in Redis's order; {@code "word=N"} gives a word its own
     *                value (bit flags, or two words for one value), else words count 0, 1, 2, ...
     */
    public EnumParam(String name, String alias, Set<Flag> flags, String defaultValue, List<String> choices) {
        this(name, alias, flags, defaultValue, split(choices));
    }

    public EnumParam(String name, boolean mutable, String defaultValue, List<String> choices) {
        this(name, null, mutable ? Set.of() : Set.of(Flag.IMMUTABLE), defaultValue, choices);
    }

    private EnumParam(String name, String alias, Set<Flag> flags, String defaultValue, Object[] parsed) {
        super(name, alias, flags, defaultValue);
        @SuppressWarnings("unchecked")
        List<String> n = (List<String>) parsed[0];
        this.names = n;
        this.values = (int[]) parsed[1];
    }

    private static Object[] split(List<String> choices) {
        List<String> names = new ArrayList<>();
        int[] values = new int[choices.size()];
        for (int i = 0; i < choices.size(); i++) {
            String c = choices.get(i);
            int eq = c.indexOf('=');
            names.add(eq < 0 ? c : c.substring(0, eq));
            values[i] = eq < 0 ? i : Integer.parseInt(c.substring(eq + 1));
        }
        return new Object[] {List.copyOf(names), values};
    }

    /** The words a value may be, in Redis's order. */
    public List<String> choices() {
        return names;
    }

    /** The value as Redis's int (the index of the word, or its bits for a multi-word enum). */
    public int intValue() {
        return valueOf(words(value()));
    }

    @Override
    protected String parse(String text) throws BadValueException {
        int v = valueOf(has(Flag.MULTI_ARG) ? words(text) : new String[] {text});
        if (v == Integer.MIN_VALUE) {
            throw bad("argument(s) must be one of the following: " + String.join(", ", names));
        }
        return nameOf(v);
    }

    /** Redis's configEnumGetValue: INT_MIN when a word is unknown. */
    private int valueOf(String[] argv) {
        if (argv.length == 0) {
            return Integer.MIN_VALUE;
        }
        int v = 0;
        for (String a : argv) {
            boolean matched = false;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(a)) {
                    v |= values[i];
                    matched = true;
                }
            }
            if (!matched) {
                return Integer.MIN_VALUE;
            }
        }
        return v;
    }

    /** Redis's configEnumGetName. */
    private String nameOf(int v) {
        StringBuilder sb = new StringBuilder();
        int unmatched = v;
        for (int i = 0; i < names.size(); i++) {
            if (values[i] == v) {
                return names.get(i);
            }
            if (has(Flag.MULTI_ARG) && values[i] != 0 && (unmatched & values[i]) == values[i]) {
                sb.append(sb.length() == 0 ? "" : " ").append(names.get(i));
                unmatched &= ~values[i];
            }
        }
        return sb.length() == 0 || unmatched != 0 ? "unknown" : sb.toString();
    }

    @Override
    protected String format(String v) {
        return v;
    }
}
