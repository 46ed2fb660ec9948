package io.pyredis.core.exec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the commands of one execution unit propagate (Redis's {@code server.also_propagate}):
 * each command recorded in its database, in order, handed to the sinks (the AOF, later the
 * replicas) when the outermost command ends, wrapped in MULTI/EXEC when there is more than
 * one, as Redis's propagatePendingCommands does. A sink emits SELECT itself when the
 * database changes.
 */
public final class Propagation {

    /**
     * A receiver of propagated commands: the append-only file, a replication stream, a
     * test. A sink is added while it takes commands (the AOF: while it is on) and removed
     * when it stops, so that a server with none records nothing at all.
     */
    public interface Sink {

        /** One command of the unit, in database {@code db}; MULTI and EXEC come this way too. */
        void propagate(int db, byte[][] argv);

        /** The unit is complete. */
        default void unitEnd() {
        }
    }

    static final byte[][] MULTI = {"MULTI".getBytes(StandardCharsets.US_ASCII)};
    static final byte[][] EXEC = {"EXEC".getBytes(StandardCharsets.US_ASCII)};

    private final List<Sink> sinks = new ArrayList<>();
    private Sink[] sinkArray = new Sink[0];
    private int[] dbs = new int[8];
    private byte[][][] ops = new byte[8][][];
    private int count;
    /** Commands recorded by commands themselves (propagate, verbatim), not expiries. */
    private long records;

    /** Adds a sink (once). */
    public void addSink(Sink s) {
        if (sinks.contains(s)) {
            return;
        }
        sinks.add(s);
        sinkArray = sinks.toArray(new Sink[0]);
    }

    /** Removes a sink. */
    public void removeSink(Sink s) {
        sinks.remove(s);
        sinkArray = sinks.toArray(new Sink[0]);
    }

    /** Whether some sink takes commands now: the call unit's cheap test before recording. */
    public boolean active() {
        return sinkArray.length != 0;
    }

    /** The count of commands recorded by commands so far, for the call unit's before/after test. */
    long records() {
        return records;
    }

    /**
     * Records {@code argv} in database {@code db} for the current unit.
     *
     * @param byCommand whether a command recorded it (propagate, or itself verbatim), as
     *                  opposed to the server (an expired key's DEL)
     */
    public void add(int db, byte[][] argv, boolean byCommand) {
        if (count == ops.length) {
            ops = java.util.Arrays.copyOf(ops, count * 2);
            dbs = java.util.Arrays.copyOf(dbs, count * 2);
        }
        dbs[count] = db;
        ops[count++] = argv;
        if (byCommand) {
            records++;
        }
    }

    /** Hands the unit to the sinks (Redis's propagatePendingCommands) and starts a new one. */
    public void commit() {
        commit(true);
    }

    /**
     * {@link #commit()}; without {@code wrap}, several commands are not wrapped in
     * MULTI/EXEC (a command that touches arbitrary keys, as Redis's propagatePendingCommands).
     */
    public void commit(boolean wrap) {
        if (count == 0) {
            return;
        }
        boolean transaction = wrap && count > 1;
        for (Sink s : sinkArray) {
            if (transaction) {
                s.propagate(dbs[0], MULTI);
            }
            for (int i = 0; i < count; i++) {
                s.propagate(dbs[i], ops[i]);
            }
            if (transaction) {
                s.propagate(dbs[count - 1], EXEC);
            }
            s.unitEnd();
        }
        java.util.Arrays.fill(ops, 0, count, null);
        count = 0;
    }
}
