package io.pyredis.api;

import java.util.List;

/**
 * The service a plugin provides: a named group of commands. The server finds packs with
 * {@link java.util.ServiceLoader}, on the module path and in jars dropped into its
 * plugins directory.
 *
 * <pre>{@code
 * public final class GeoPack implements CommandPack {
 *     public String name() { return "geo"; }
 *     public int spiVersion() { return SpiVersion.CURRENT; }
 *     public List<Command> commands() { return List.of(new GeoAddCommand(), ...); }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface CommandPack {

    /** A short name for logs and INFO, such as {@code "strings"}. */
    String name();

    /**
     * The SPI version this pack was compiled against. Implement it as
     * {@code return SpiVersion.CURRENT;} (see {@link SpiVersion} for why this works).
     */
    int spiVersion();

    /** The commands of this pack. Called once, at server start. */
    List<Command> commands();

    /**
     * This pack's own data types that persist (RDB, DUMP/RESTORE, AOF rewrite). Called
     * once, at server start, with {@link #commands()} and before the dataset is loaded
     * from disk (which needs them, hence here rather than in {@link #start}). A pack
     * whose types have a bad name or a name another pack took is refused as a whole. The
     * default declares none.
     *
     * @since 0.1
     */
    default List<PersistentType<?>> dataTypes() {
        return List.of();
    }

    /**
     * Called once when the server has loaded every pack and before it accepts clients, on
     * the server's command thread: the place to register keyspace-event listeners or keep
     * {@code ctx} for publishing. The default does nothing.
     *
     * @since 0.1
     */
    default void start(PackContext ctx) {
    }

    /**
     * Called once when the pack is unloaded or replaced by a newer version (PLUGIN UNLOAD,
     * RELOAD, RESCAN), on the server's command thread, after its commands are gone from the
     * command table: the place to stop threads and timers the pack started and to let go of
     * anything that would keep its classes alive (its class loader is dropped afterwards).
     * The keyspace listeners registered through {@link PackContext} are removed by the
     * server. Never called for packs that stay until the server stops. The default does
     * nothing.
     *
     * @since 0.2
     */
    default void stop() {
    }
}
