package io.pyredis.server.internal.config;

import java.util.Locale;
import java.util.Set;

/** A yes/no parameter (Redis's yesnotoi, any case); JSON {@code true}/{@code false} too. */
public final class BoolParam extends ConfigParam<Boolean> {

    public BoolParam(String name, String alias, Set<Flag> flags, boolean defaultValue) {
        super(name, alias, flags, defaultValue);
    }

    public BoolParam(String name, boolean mutable, boolean defaultValue) {
        super(name, mutable, defaultValue);
    }

    /** The current value, unboxed. */
    public boolean isOn() {
        return value();
    }

    @Override
    protected Boolean parse(String text) throws BadValueException {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "yes": return true;
            case "no": return false;
            default: throw bad("argument must be 'yes' or 'no'");
        }
    }

    @Override
    protected String format(Boolean v) {
        return v ? "yes" : "no";
    }
}
