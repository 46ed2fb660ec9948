package io.pyredis.core.client;

import io.pyredis.core.command.CommandEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * One client's MULTI/EXEC state (Redis's multiState and its CLIENT_MULTI, CLIENT_DIRTY_CAS
 * and CLIENT_DIRTY_EXEC flags) and its WATCHed keys. Created the first time the client
 * uses MULTI or WATCH.
 */
public final class Transaction {

    private boolean inMulti;
    private boolean dirtyExec;
    private boolean dirtyCas;
    private final ArrayList<CommandEntry> commands = new ArrayList<>();
    private final ArrayList<byte[][]> args = new ArrayList<>();
    /** The bytes of the queued arguments (CLIENT LIST's multi-mem). */
    private long argBytes;
    private final ArrayList<Watch> watches = new ArrayList<>(2);

    /** Whether the client is between MULTI and EXEC (CLIENT LIST's {@code x} flag). */
    public boolean inMulti() {
        return inMulti;
    }

    /** MULTI. */
    public void begin() {
        inMulti = true;
    }

    /** Whether a command was refused while queueing: EXEC answers EXECABORT. */
    public boolean dirtyExec() {
        return dirtyExec;
    }

    /** A command was refused while queueing (Redis's flagTransaction). */
    public void flagExec() {
        if (inMulti) {
            dirtyExec = true;
        }
    }

    /** Whether a watched key changed (CLIENT LIST's {@code d} flag): EXEC answers a null array. */
    public boolean dirtyCas() {
        return dirtyCas;
    }

    /** A watched key changed or expired; {@code false} again on UNWATCH. */
    public void dirtyCas(boolean dirty) {
        dirtyCas = dirty;
    }

    /** The number of queued commands (CLIENT LIST's multi=), -1 outside MULTI. */
    public int queued() {
        return inMulti ? commands.size() : -1;
    }

    /** CLIENT LIST's multi-mem. */
    public long queuedBytes() {
        return argBytes;
    }

    /** Queues a command between MULTI and EXEC. */
    public void queue(CommandEntry e, byte[][] a) {
        commands.add(e);
        args.add(a);
        for (byte[] x : a) {
            argBytes += x.length;
        }
    }

    /** The queued commands, in order. */
    public List<CommandEntry> commands() {
        return commands;
    }

    /** The queued commands' arguments, in order. */
    public List<byte[][]> arguments() {
        return args;
    }

    /** The client's watches (see the engine's Watches). */
    public List<Watch> watches() {
        return watches;
    }

    /** Leaves MULTI, forgetting the queue and the dirty flags (Redis's discardTransaction, minus the unwatch). */
    public void reset() {
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
