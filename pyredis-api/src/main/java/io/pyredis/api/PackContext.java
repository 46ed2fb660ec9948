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
}
