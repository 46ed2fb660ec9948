package io.pyredis.server;

import io.pyredis.testkit.TestSpecs;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandPack;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.DataType;
import io.pyredis.api.KeySpec;
import io.pyredis.api.PersistentType;
import io.pyredis.api.RdbInput;
import io.pyredis.api.RdbOutput;
import io.pyredis.api.RedisValue;
import io.pyredis.api.SpiVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/** Packs' persistent data types: checked when the pack is added, then used by SAVE, loading, DUMP and RESTORE. */
class PluginDataTypesTest {

    @TempDir
    Path dir;

    /** A number in its own type. */
    record Num(long n, NumType t) implements RedisValue {
        @Override
        public DataType type() {
            return t;
        }

        @Override
        public String encoding() {
            return "raw";
        }
    }

    static final class NumType implements PersistentType<Num> {
        final String name;

        NumType(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int encodingVersion() {
            return 2;
        }

        @Override
        public Class<Num> valueClass() {
            return Num.class;
        }

        @Override
        public void save(Num v, RdbOutput out) {
            out.writeSigned(v.n());
        }

        @Override
        public Num load(RdbInput in, int encodingVersion) {
            return new Num(in.readSigned(), this);
        }

        @Override
        public void rewrite(byte[] key, Num v, Consumer<byte[][]> emit) {
            emit.accept(new byte[][] {"NUM.SET".getBytes(), key, Long.toString(v.n()).getBytes()});
        }
    }

    /** A pack with NUM.SET / NUM.GET (named after {@code prefix}) and the data types given. */
    static CommandPack pack(String name, String prefix, PersistentType<?>... types) {
        NumType t = types.length > 0 && types[0] instanceof NumType nt ? nt : new NumType("undeclare");
        Command set = new Command() {
            final CommandSpec spec = TestSpecs.of(prefix + ".set", 3, Set.of(CommandFlag.WRITE), KeySpec.single(1));

            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public void execute(CommandContext ctx, byte[][] args) {
                ctx.db().set(args[1], new Num(Long.parseLong(new String(args[2], StandardCharsets.US_ASCII)), t));
                ctx.reply().ok();
            }
        };
        Command get = new Command() {
            final CommandSpec spec = TestSpecs.of(prefix + ".get", 2, Set.of(CommandFlag.READONLY), KeySpec.single(1));

            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public void execute(CommandContext ctx, byte[][] args) {
                Num n = ctx.db().get(args[1], Num.class);
                if (n == null) {
                    ctx.reply().nullBulk();
                } else {
                    ctx.reply().integer(n.n());
                }
            }
        };
        return new CommandPack() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int spiVersion() {
                return SpiVersion.CURRENT;
            }

            @Override
            public List<Command> commands() {
                return List.of(set, get);
            }

            @Override
            public List<PersistentType<?>> dataTypes() {
                return List.of(types);
            }
        };
    }

    private PyRedisServer start(CommandPack... packs) {
        PyRedisServer.Builder b = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString());
        for (CommandPack p : packs) {
            b.addPack(p);
        }
        return b.build().start();
    }

    private static ProtocolCommand cmd(String name) {
        return () -> name.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void badOrTakenTypeNamesRefuseThePack() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(pack("p1", "num", new NumType("too-long-name"))));
        assertTrue(e.getMessage().contains("Pack 'p1' cannot be added")
                && e.getMessage().contains("exactly 9 characters from A-Z a-z 0-9 - _"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> start(pack("p1", "num", new NumType("Num-type1")), pack("p2", "other", new NumType("Num-type1"))));
        assertTrue(e.getMessage().contains("Pack 'p2' cannot be added: data type 'Num-type1' is already taken by pack 'p1'"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> start(pack("p1", "num", new NumType("Num-type1"), new NumType("Num-type1"))));
        assertTrue(e.getMessage().contains("declared twice"), e.getMessage());
    }

    @Test
    void typesPersistThroughSaveDumpAndRestore() throws Exception {
        try (PyRedisServer s = start(pack("nums", "num", new NumType("Num-type1")));
             Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.sendCommand(cmd("NUM.SET"), "a", "-42");
            byte[] payload = j.dump("a");
            assertEquals("OK", j.restore("b", 0, payload));
            assertEquals(-42L, j.sendCommand(cmd("NUM.GET"), "b"));
            assertEquals("OK", j.save());
        }
        try (PyRedisServer s = start(pack("nums", "num", new NumType("Num-type1")));
             Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals(-42L, j.sendCommand(cmd("NUM.GET"), "a"));
            assertEquals(-42L, j.sendCommand(cmd("NUM.GET"), "b"));
            byte[] payload = j.dump("a");
            j.close();
            // Another server without the type: RESTORE refuses the payload.
            try (PyRedisServer bare = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                    .set("dir", java.nio.file.Files.createDirectories(dir.resolve("elsewhere")).toString())
                    .build().start();
                 Jedis k = new Jedis("127.0.0.1", bare.port())) {
                assertEquals("ERR Bad data format",
                        assertThrows(JedisDataException.class, () -> k.restore("x", 0, payload)).getMessage());
            }
        }
        // Nor does it load the file.
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> start());
        assertTrue(e.getMessage().contains("no matching module type 'Num-type1'"), e.getMessage());
    }
}
