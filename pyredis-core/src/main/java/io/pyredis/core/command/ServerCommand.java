package io.pyredis.core.command;

import io.pyredis.api.Command;

/**
 * A command of the server itself that plays a {@link Role} in command processing. Packs'
 * commands never do: the role is for the few connection and transaction commands that
 * Redis's processCommand treats apart.
 */
public interface ServerCommand extends Command {

    /** Its role; {@link Role#NONE} for most. */
    default Role role() {
        return Role.NONE;
    }
}
