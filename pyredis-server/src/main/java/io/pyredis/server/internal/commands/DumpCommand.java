package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;
import io.pyredis.core.exec.CallContext;
import io.pyredis.storage.Rdb;

/** {@code DUMP key}: the value in Redis's serialization format (RDB value, RDB version, CRC64). */
public final class DumpCommand extends BuiltinCommand {

    public DumpCommand(ServerContext server) {
        super(server, "dump");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        RedisValue v = c.db().get(args[1]);
        if (v == null) {
            c.reply().nullBulk();
            return;
        }
        byte[] payload = Rdb.dump(v, server.config().rdbcompression.isOn(), server.keyspace().encodingLimits());
        if (payload == null) {
            throw new RedisError("ERR not supported for this data type");
        }
        c.reply().bulk(payload);
    }
}
