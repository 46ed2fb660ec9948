package io.pyredis.server.internal;

import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.KeyspaceEventListener;
import io.pyredis.api.PackContext;

import java.util.Objects;
import java.util.Set;

/** The {@link PackContext} every pack gets at start. */
public final class ServerPackContext implements PackContext {

    private final ServerContext server;

    public ServerPackContext(ServerContext server) {
        this.server = server;
    }

    @Override
    public long publish(byte[] channel, byte[] message) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(message, "message");
        if (server.loop().inLoop()) {
            long n = server.pubsub().publish(channel, message, null);
            server.pubsub().flushPending();
            return n;
        }
        byte[] ch = channel.clone();
        byte[] msg = message.clone();
        server.loop().execute(() -> {
            server.pubsub().publish(ch, msg, null);
            server.pubsub().flushPending();
        });
        return -1;
    }

    @Override
    public void onKeyspaceEvent(Set<KeyspaceEvent> types, KeyspaceEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        Set<KeyspaceEvent> t = Set.copyOf(types);
        if (!server.loop().inLoop()) {
            server.loop().execute(() -> server.notifier().addListener(t, listener));
        } else {
            server.notifier().addListener(t, listener);
        }
    }

    @Override
    public void infoValue(String field, java.util.function.LongSupplier value) {
        server.packInfo().put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(value, "value"));
    }
}
