package io.pyredis.server.internal.replication;

import io.pyredis.core.Engine;
import io.pyredis.core.client.Client;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clients blocked in WAIT (Redis's clients_waiting_acks): each with the offset its
 * replicas must reach and how many of them; woken as soon as enough ACKs arrived.
 */
public final class Waits {

    private final Replication replication;
    private final Engine engine;
    /** Client → {offset, numreplicas}. */
    private final Map<Client, long[]> waiting = new IdentityHashMap<>();

    Waits(Replication replication, Engine engine) {
        this.replication = replication;
        this.engine = engine;
    }

    /**
     * WAIT numreplicas: the replicas that have acked what {@code c} waits for (the stream
     * up to now at its first run, kept while it is blocked).
     */
    public int acked(Client c) {
        long[] w = waiting.get(c);
        return replication.acked(w == null ? replication.offset() : w[0]);
    }

    /** {@code c} blocks until {@code numreplicas} replicas acked the stream up to now; the replicas are asked. */
    public void waitFor(Client c, long numreplicas) {
        waiting.computeIfAbsent(c, k -> new long[] {replication.offset(), numreplicas});
        replication.requestAcks();
    }

    /** {@code c}'s WAIT replied (timeout or enough ACKs). */
    public void done(Client c) {
        waiting.remove(c);
    }

    void disconnected(Client c) {
        waiting.remove(c);
    }

    /** An ACK arrived: the clients now satisfied are replied. */
    void acked() {
        if (waiting.isEmpty()) {
            return;
        }
        List<Client> ready = new ArrayList<>();
        for (Map.Entry<Client, long[]> e : waiting.entrySet()) {
            if (replication.acked(e.getValue()[0]) >= e.getValue()[1]) {
                ready.add(e.getKey());
            }
        }
        for (Client c : ready) {
            engine.blocked().wake(c);
        }
    }
}
