package io.pyredis.core.client;

import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.loop.Loop;
import io.pyredis.core.util.DbKey;

/**
 * A blocked client's wait (Redis's {@code bpop}): the command to run again, with its
 * arguments, the keys it waits on and its timeout timer. Made and kept by the engine's
 * blocked-clients registry.
 */
public final class Block {

    private final Client client;
    private final CommandEntry command;
    private final byte[][] args;
    private final DbKey[] keys;
    private final long startNanos;
    private Loop.Timer timer;

    public Block(Client client, CommandEntry command, byte[][] args, DbKey[] keys) {
        this.client = client;
        this.command = command;
        this.args = args;
        this.keys = keys;
        this.startNanos = System.nanoTime();
    }

    public Client client() {
        return client;
    }

    /** The blocking command, as its entry (its statistics count the re-run). */
    public CommandEntry command() {
        return command;
    }

    public byte[][] args() {
        return args;
    }

    /** The distinct keys waited on, in the order given. */
    public DbKey[] keys() {
        return keys;
    }

    /** When the client blocked ({@link System#nanoTime()}). */
    public long startNanos() {
        return startNanos;
    }

    /** The timeout's timer, or null when it waits for ever. */
    public Loop.Timer timer() {
        return timer;
    }

    public void timer(Loop.Timer t) {
        this.timer = t;
    }
}
