package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;
import io.pyredis.core.exec.CallContext;
import io.pyredis.storage.Rdb;

import java.util.EnumSet;
import java.util.List;

/** {@code DUMP key}: the value in Redis's serialization format (RDB value, RDB version, CRC64). */
public final class DumpCommand extends BuiltinCommand {

    public DumpCommand(ServerContext server) {
        super(server, new CommandSpec("dump", 2, EnumSet.of(CommandFlag.READONLY), KeySpec.FIRST, "generic", "2.6.0",
                "Return a serialized version of the value stored at the specified key.",
                "O(1) to access the key and additional O(N*M) to serialize it, where N is the number of Redis objects "
                        + "composing the value and M their average size. For small string values the time complexity is "
                        + "thus O(1)+O(1*M) where M is small, so simply O(1).", "key"));
    }

    @Override
    public List<String> aclCategories() {
        return List.of("keyspace", "read", "slow");
    }

    @Override
    public List<String> tips() {
        return List.of("nondeterministic_output");
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
