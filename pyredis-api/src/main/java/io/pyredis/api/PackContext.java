package io.pyredis.api;

import java.util.Set;

/**
 * What a {@link CommandPack} gets once at server start ({@link CommandPack#start}): the
 * server-wide services a pack may use outside its commands.
 *
 * @since 0.1
 */
public interface PackContext {

    /**
     * Publishes {@code message} to {@code channel}, as PUBLISH does (subscribers of the
     * channel and of matching patterns get it). Callable from any thread: off the server's
     * command thread the message is handed to it and sent in order, and the method returns
     * before it is delivered.
     *
     * @return the number of clients that got it, or -1 when called off the command thread
     */
    long publish(byte[] channel, byte[] message);

    /**
     * Registers {@code listener} for the keyspace events of {@code types}, for the life of
     * the server. Events reach it whether or not {@code notify-keyspace-events} enables
     * their class (as Redis modules get them). Call it from {@link CommandPack#start}.
     */
    void onKeyspaceEvent(Set<KeyspaceEvent> types, KeyspaceEventListener listener);

    /**
     * Gives the value of a numeric INFO field that describes state the pack keeps, for the
     * fields of Redis's own subsystems a pack implements (the scripting pack's
     * {@code used_memory_lua}, {@code used_memory_scripts_eval}, {@code number_of_cached_scripts}).
     * The server asks {@code value} on the command thread each time INFO shows the field,
     * which it shows with its own name, place and format; a field the server does not show
     * is ignored. The default, for contexts without INFO, ignores it.
     *
     * @since 0.1
     */
    default void infoValue(String field, java.util.function.LongSupplier value) {
    }
}
