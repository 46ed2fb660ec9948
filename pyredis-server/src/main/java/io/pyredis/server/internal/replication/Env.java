package io.pyredis.server.internal.replication;

import io.pyredis.core.Engine;
import io.pyredis.core.client.ClientRegistry;
import io.pyredis.core.stats.ServerStats;
import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.server.internal.persistence.Persistence;
import io.pyredis.storage.Clock;
import io.pyredis.storage.Keyspace;

import java.util.function.IntSupplier;

/**
 * What replication needs of the server, handed in by it (replication does not reach back
 * into the server context: the server's packages layer one way).
 */
record Env(ServerConfig config, Engine engine, Persistence persistence, Clock clock, IntSupplier listeningPort) {

    Keyspace keyspace() {
        return engine.keyspace();
    }

    ServerStats stats() {
        return engine.stats();
    }

    ClientRegistry clients() {
        return engine.clients();
    }

    /** The port this server listens on (what a replica tells its master). */
    int port() {
        return listeningPort.getAsInt();
    }
}
