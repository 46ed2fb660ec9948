package io.pyredis.core.client;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connected clients by id. Changed on the event loop; concurrent so an embedder or a
 * test may look from another thread.
 */
public final class ClientRegistry {

    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, Client> clients = new ConcurrentHashMap<>();

    public long nextId() {
        return nextId.getAndIncrement();
    }

    /** The lowest descriptor number a client gets, as a Unix server's first client socket after its listeners. */
    private static final int FIRST_FD = 8;
    /** Descriptor-like numbers in use (CLIENT LIST's fd): the lowest free one is reused, as Unix does. */
    private final java.util.BitSet fds = new java.util.BitSet();

    public void add(Client s) {
        int fd = fds.nextClearBit(0);
        fds.set(fd);
        s.fd(fd + FIRST_FD);
        clients.put(s.id(), s);
    }

    public void remove(Client s) {
        if (clients.remove(s.id()) != null) {
            fds.clear(s.fd() - FIRST_FD);
        }
    }

    /** The client with {@code id}, or null. */
    public Client get(long id) {
        return clients.get(id);
    }

    /** The number of connected clients (INFO's connected_clients). */
    public int size() {
        return clients.size();
    }

    /** All connected clients, in no particular order. */
    public Collection<Client> all() {
        return Collections.unmodifiableCollection(clients.values());
    }
}
