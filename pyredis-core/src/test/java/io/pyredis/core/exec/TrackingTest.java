package io.pyredis.core.exec;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;
import io.pyredis.api.RedisString;
import io.pyredis.core.Engine;
import io.pyredis.core.client.Client;
import io.pyredis.core.client.ClientOutput;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import io.pyredis.core.loop.ManualLoop;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.ManualClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which keys a tracking client is taken to have read when a command runs for another client
 * inside its call, as a script's commands run for the script's own client: Redis's call()
 * remembers the caller's declared keys (script_caller), not the inner command's. Scripting is
 * not in the core, so a stand-in "script" runs its read through the call unit with a client
 * of its own.
 */
class TrackingTest {

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final ManualLoop loop = new ManualLoop(() -> clock.millis() * 1_000_000L);
    private final Keyspace keyspace = new Keyspace(16, clock);
    private final CommandTable table = new CommandTable();
    private final Engine engine;
    private final Client scriptClient;

    TrackingTest() {
        for (Command c : List.of(new Get(), new Set_(), new Script(), new CallUnitTest.Multi(), new Exec())) {
            table.put(c.spec().name(), new CommandEntry(c, "test"));
        }
        engine = new Engine(keyspace, clock, loop, table);
        scriptClient = engine.detachedClient(1000);
    }

    private static CommandSpec testSpec(String name, int arity, Set<CommandFlag> flags, KeySpec... keys) {
        return new CommandSpec(name, arity, flags, List.of(keys), new CommandDoc("test", "0.1", "module", null, List.of()));
    }

    /** {@code TGET key}: a read-only command. */
    static final class Get implements Command {
        private static final CommandSpec SPEC = testSpec("tget", 2, Set.of(CommandFlag.READONLY),
                KeySpec.single(1, KeyFlag.RO, KeyFlag.ACCESS));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            RedisString s = ctx.db().get(args[1], RedisString.class);
            if (s == null) {
                ctx.reply().nullBulk();
            } else {
                ctx.reply().bulk(s.bytes());
            }
        }
    }

    /** {@code TSET key value} */
    static final class Set_ implements Command {
        private static final CommandSpec SPEC = testSpec("tset", 3, Set.of(CommandFlag.WRITE), KeySpec.single(1, KeyFlag.OW));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            ctx.db().set(args[1], RedisString.of(args[2]));
            ctx.reply().ok();
        }
    }

    /** {@code TSCRIPT declared-key inner-key}: like EVAL, runs TGET inner-key with its own client. */
    final class Script implements Command {
        private final CommandSpec spec = testSpec("tscript", 3, Set.of(), KeySpec.single(1, KeyFlag.RO));

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            scriptClient.reply().reset();
            engine.callUnit().call(scriptClient, table.get("tget"), new byte[][] {b("tget"), args[2]}, System.nanoTime(),
                    CallUnit.CALL_FULL);
            ctx.reply().ok();
        }
    }

    /** {@code TEXEC}, with EXEC's role. */
    final class Exec implements io.pyredis.core.command.ServerCommand {
        private final CommandSpec spec = testSpec("texec", 1, Set.of());

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public io.pyredis.core.command.Role role() {
            return io.pyredis.core.command.Role.EXEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            Transactions.exec(((CallContext) ctx).client(), engine.callUnit());
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A connected client whose sent bytes are kept. */
    private static final class Sink implements ClientOutput {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public boolean write(byte[] b, int off, int len) {
            out.write(b, off, len);
            return false;
        }

        @Override
        public long queuedBytes() {
            return 0;
        }

        @Override
        public void close() {
        }

        @Override
        public void closeAfterWrites() {
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        String take() {
            String s = out.toString(StandardCharsets.ISO_8859_1);
            out.reset();
            return s;
        }
    }

    private void run(Client c, String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            argv[i] = b(args[i]);
        }
        engine.callUnit().process(c, argv, System.nanoTime());
        c.flush();
        loop.runPending();
    }

    private static final String OK = "+OK\r\n";

    private static String invalidate(String key) {
        return ">2\r\n$10\r\ninvalidate\r\n*1\r\n$" + key.length() + "\r\n" + key + "\r\n";
    }

    @Test
    void aScriptsReadTracksTheCallersDeclaredKeys() {
        Sink trackerOut = new Sink();
        Client tracker = engine.connect(trackerOut, "t", "l");
        tracker.protocol(3);
        tracker.authenticated(true);
        Sink writerOut = new Sink();
        Client writer = engine.connect(writerOut, "w", "l");
        writer.authenticated(true);
        engine.tracking().enable(tracker, 0, false, false, false, false, List.of());

        run(tracker, "tscript", "declared", "inner");
        assertEquals(OK, trackerOut.take());
        run(writer, "tset", "inner", "1");
        assertEquals("", trackerOut.take(), "the key the script's command read is not the caller's");
        run(writer, "tset", "declared", "1");
        assertEquals(invalidate("declared"), trackerOut.take());

        // Inside EXEC, the caller is still the script's (not EXEC's keys, which are none).
        run(tracker, "tmulti");
        run(tracker, "tscript", "declared2", "inner2");
        run(tracker, "texec");
        assertEquals(OK + "+QUEUED\r\n" + "*1\r\n" + OK, trackerOut.take());
        run(writer, "tset", "declared2", "1");
        assertEquals(invalidate("declared2"), trackerOut.take());

        // A client's own read inside EXEC is its own, its own write's invalidation after EXEC's reply.
        run(tracker, "tget", "own");
        run(tracker, "tmulti");
        run(tracker, "tset", "own", "x");
        run(tracker, "tget", "own");
        run(tracker, "texec");
        assertEquals("_\r\n" + OK + "+QUEUED\r\n+QUEUED\r\n*2\r\n" + OK + "$1\r\nx\r\n" + invalidate("own"),
                trackerOut.take());
        assertEquals(1, engine.tracking().totalKeys(), "own, read again inside EXEC");
    }
}
