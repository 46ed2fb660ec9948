package io.pyredis.server.internal;

import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.KeyspaceEventListener;
import io.pyredis.api.PackContext;

import io.pyredis.server.internal.plugin.PluginRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link PackContext} every pack gets at start. It remembers the listeners its pack
 * registered, which {@link #release()} removes when the pack is unloaded.
 */
public final class ServerPackContext implements PluginRegistry.Scope {

    private final ServerContext server;
    private final List<KeyspaceEventListener> listeners = new ArrayList<>();
    private volatile boolean released;
    /** The INFO fields this pack added (PackContext.infoValue), removed when it is released. */
    private final List<String> infoFields = new ArrayList<>();

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
            server.loop().execute(() -> add(t, listener));
        } else {
            add(t, listener);
        }
    }

    @Override
    public void infoValue(String field, java.util.function.LongSupplier value) {
        if (released) {
            return;
        }
        infoFields.add(Objects.requireNonNull(field, "field"));
        server.packInfo().put(field, Objects.requireNonNull(value, "value"));
    }

    private void add(Set<KeyspaceEvent> t, KeyspaceEventListener listener) {
        if (released) {
            // A stopped pack's late registration: it must not outlive the pack.
            return;
        }
        listeners.add(listener);
        server.notifier().addListener(t, listener);
    }

    @Override
    public void release() {
        released = true;
        for (KeyspaceEventListener l : listeners) {
            server.notifier().removeListener(l);
        }
        listeners.clear();
        // The INFO fields it added hold its suppliers, and so its class loader.
        for (String f : infoFields) {
            server.packInfo().remove(f);
        }
        infoFields.clear();
    }
}
