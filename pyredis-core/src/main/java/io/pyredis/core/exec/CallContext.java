package io.pyredis.core.exec;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.core.client.Client;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.protocol.RespWriter;

/**
 * The {@link CommandContext} a command runs with: its client, the keyspace, and the
 * engine's services (notifications, pub/sub, propagation, blocking). The call unit keeps
 * one per nesting level and rebinds it for each call, so nothing is allocated per command.
 */
public final class CallContext implements CommandContext {

    private final CallUnit unit;
    private Client client;
    private CommandEntry entry;
    private byte[][] args;

    CallContext(CallUnit unit) {
        this.unit = unit;
    }

    void bind(Client c, CommandEntry e, byte[][] args) {
        this.client = c;
        this.entry = e;
        this.args = args;
    }

    /** The calling client, with its whole state (for the server's own commands). */
    public Client client() {
        return client;
    }

    /** The command being run. */
    public CommandEntry entry() {
        return entry;
    }

    /** The arguments of the call, name first. */
    public byte[][] args() {
        return args;
    }

    @Override
    public boolean mayReadAnyKey() {
        return unit.acl().unrestrictedKeyAccess(client.user(), entry, args, READ_ACCESS);
    }

    private static final java.util.Set<io.pyredis.api.KeyFlag> READ_ACCESS = java.util.Set.of(io.pyredis.api.KeyFlag.ACCESS);

    @Override
    public Client session() {
        return client;
    }

    @Override
    public Database db() {
        return unit.keyspace().db(client.db());
    }

    @Override
    public Database db(int index) {
        if (index < 0 || index >= unit.keyspace().databases()) {
            throw RedisError.DB_INDEX_OUT_OF_RANGE;
        }
        return unit.keyspace().db(index);
    }

    @Override
    public int databases() {
        return unit.keyspace().databases();
    }

    @Override
    public RespWriter reply() {
        return client.reply();
    }

    @Override
    public long now() {
        return unit.keyspace().now();
    }

    @Override
    public String config(String name) {
        return unit.config(name);
    }

    /**
     * SWAPDB: swaps the keyspace's contents; clients keep their index. Watches on keys of
     * either database fail first, as Redis's touchAllWatchedKeysInDb; clients blocked on a
     * key that the swapped-in database holds are served after the command, as Redis's
     * scanDatabaseForReadyKeys.
     */
    @Override
    public void swapDatabases(int a, int b) {
        int n = unit.keyspace().databases();
        if (a < 0 || a >= n || b < 0 || b >= n) {
            throw RedisError.DB_INDEX_OUT_OF_RANGE;
        }
        if (a != b) {
            unit.watches().touchAllInDb(a, b);
            unit.watches().touchAllInDb(b, a);
        }
        unit.keyspace().swap(a, b);
        unit.forceDirty();
        if (a != b) {
            unit.blocked().databasesSwapped(a, b);
        }
    }

    @Override
    public boolean block(byte[][] keys, long timeoutMillis) {
        if (!(entry.command() instanceof BlockingCommand)) {
            return false;
        }
        return client.requestBlock(keys, timeoutMillis);
    }

    @Override
    public void notifyKeyspaceEvent(KeyspaceEvent type, String event, byte[] key) {
        unit.notifier().notify(type, event, client.db(), key, client);
    }

    @Override
    public void notifyKeyspaceEvent(KeyspaceEvent type, String event, byte[] key, int db) {
        unit.notifier().notify(type, event, db, key, client);
    }

    @Override
    public void propagate(byte[]... command) {
        Propagation p = unit.propagation();
        if (p.active()) {
            p.add(client.db(), command, true);
        }
    }

    /** This command's key changes are not propagated as the command (see {@link CallUnit}). */
    public void preventVerbatimPropagation() {
        unit.preventVerbatimPropagation();
    }

    @Override
    public io.pyredis.api.ScriptRun startScript(int flags, boolean readOnly) {
        return unit.scripts().start(client, flags, readOnly);
    }

    @Override
    public long publish(byte[] channel, byte[] message) {
        return unit.pubsub().publish(channel, message, client);
    }
}
