package io.pyredis.server.internal;

import io.pyredis.server.internal.dispatch.CommandEntry;

import java.util.ArrayList;

/**
 * One client's MULTI/EXEC state (Redis's multiState and CLIENT_MULTI, CLIENT_DIRTY_CAS,
 * CLIENT_DIRTY_EXEC flags) and its WATCHed keys. Created the first time the client uses
 * MULTI or WATCH.
 */
public final class Transaction {

    /** Between MULTI and EXEC/DISCARD. */
    boolean inMulti;
    /** A command was refused while queueing: EXEC answers EXECABORT. */
    boolean dirtyExec;
    /** A watched key changed: EXEC answers a null array. */
    boolean dirtyCas;
    final ArrayList<CommandEntry> commands = new ArrayList<>();
    final ArrayList<byte[][]> args = new ArrayList<>();
    /** The bytes of the queued arguments (CLIENT LIST's multi-mem). */
    long argBytes;
    final ArrayList<Watches.Watch> watches = new ArrayList<>(2);

    /** Whether the client is between MULTI and EXEC (CLIENT LIST's {@code x} flag). */
    public boolean inMulti() {
        return inMulti;
    }

    /** Whether a watched key changed (CLIENT LIST's {@code d} flag). */
    public boolean dirtyCas() {
        return dirtyCas;
    }

    /** The number of queued commands (CLIENT LIST's multi=), -1 outside MULTI. */
    public int queued() {
        return inMulti ? commands.size() : -1;
    }

    /** CLIENT LIST's multi-mem. */
    public long queuedBytes() {
        return argBytes;
    }

    void queue(CommandEntry e, byte[][] a) {
        commands.add(e);
        args.add(a);
        for (byte[] x : a) {
            argBytes += x.length;
        }
    }

    /** Leaves MULTI, forgetting the queue and the dirty flags (Redis's discardTransaction, minus the unwatch). */
    void reset() {
        inMulti = false;
        dirtyExec = false;
        dirtyCas = false;
        commands.clear();
        args.clear();
        commands.trimToSize();
        args.trimToSize();
        argBytes = 0;
    }
}
