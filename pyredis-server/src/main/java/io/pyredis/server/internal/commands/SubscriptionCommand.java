package io.pyredis.server.internal.commands;

import io.pyredis.core.client.Subscriptions;
import io.pyredis.core.command.Role;
import io.pyredis.server.internal.ServerContext;

/**
 * What SUBSCRIBE and UNSUBSCRIBE share with their pattern and shard forms: each command
 * is one kind of subscription, named by that kind's confirmation word, which is Redis's
 * name for the command.
 */
abstract class SubscriptionCommand extends BuiltinCommand {

    /** The kind of subscription this command adds or removes. */
    protected final Subscriptions.Kind kind;

    SubscriptionCommand(ServerContext server, String name, Subscriptions.Kind kind) {
        super(server, name);
        this.kind = kind;
    }

    @Override
    public final Role role() {
        return Role.SUBSCRIPTION;
    }
}
