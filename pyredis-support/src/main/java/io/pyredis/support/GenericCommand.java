package io.pyredis.support;

import io.pyredis.api.Command;
import io.pyredis.api.CommandSpec;

import java.util.Objects;

/**
 * The base of a family of commands that Redis serves with one generic function
 * ({@code zremrangeGenericCommand}, {@code pushGenericCommand}, {@code sinterGenericCommand}
 * ...): the family's logic is written once in a subclass of this, and each command stays a
 * class of its own, named after it, that only passes its spec and the few parameters that
 * set it apart.
 *
 * @since 0.1
 */
public abstract class GenericCommand implements Command {

    private final CommandSpec spec;

    /**
     * @param spec the member's spec, from its pack's {@link CommandMetadata}
     * @since 0.1
     */
    protected GenericCommand(CommandSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public final CommandSpec spec() {
        return spec;
    }
}
