package io.pyredis.core.exec;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisList;
import io.pyredis.core.Engine;
import io.pyredis.core.client.Client;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import io.pyredis.core.command.Role;
import io.pyredis.core.command.ServerCommand;
import io.pyredis.core.loop.ManualLoop;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.ManualClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one call path: a command counts, fails, propagates and blocks the same whether a
 * client sent it, EXEC ran it, or a blocked client's wait re-ran it; rejections follow
 * Redis's processCommand. Stand-in commands, so the core is tested on its own.
 */
class CallUnitTest {

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final ManualLoop loop = new ManualLoop(() -> clock.millis() * 1_000_000L);
    private final Keyspace keyspace = new Keyspace(16, clock);
    private final CommandTable table = new CommandTable();
    private final Engine engine;
    private final List<String> propagated = new ArrayList<>();

    CallUnitTest() {
        for (Command c : List.of(new Put(), new Fail(), new Pop(), new Push(), new Multi(), new Exec())) {
            table.put(c.spec().name(), new CommandEntry(c, "test"));
        }
        engine = new Engine(keyspace, clock, loop, table);
        engine.propagation().addSink((db, argv) -> propagated.add(db + ":" + text(argv)));
    }

    private static String text(byte[][] argv) {
        List<String> w = new ArrayList<>();
        for (byte[] a : argv) {
            w.add(new String(a, StandardCharsets.UTF_8));
        }
        return String.join(" ", w);
    }

    private String call(Client c, String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        c.reply().reset();
        engine.callUnit().process(c, argv, System.nanoTime());
        loop.runPending();
        return new String(c.reply().buffer(), 0, c.reply().size(), StandardCharsets.ISO_8859_1);
    }

    private CommandEntry entry(String name) {
        return table.get(name);
    }

    @Test
    void aCommandCountsTheSameSentDirectlyOrRunByExec() {
        Client c = engine.detachedClient(1);
        assertEquals("+OK\r\n", call(c, "tput", "k", "v"));
        assertEquals("-ERR no\r\n", call(c, "tfail"));
        assertEquals("+OK\r\n", call(c, "tmulti"));
        assertEquals("+QUEUED\r\n", call(c, "tput", "k", "w"));
        assertEquals("+QUEUED\r\n", call(c, "tfail"));
        assertEquals("*2\r\n+OK\r\n-ERR no\r\n", call(c, "texec"));
        assertEquals(2, entry("tput").calls);
        assertEquals(2, entry("tfail").calls);
        assertEquals(2, entry("tfail").failedCalls);
        assertEquals(0, entry("texec").failedCalls, "EXEC itself did not fail");
        assertEquals(1, entry("texec").calls);
        assertEquals(2, engine.stats().errorCounts().get("ERR")[0]);
        assertEquals(6, engine.stats().totalCommandsProcessed, "tput, tfail, tmulti, then texec and its two");
    }

    @Test
    void aRejectedExecDiscardsTheTransaction() {
        Client c = engine.detachedClient(1);
        call(c, "tmulti");
        call(c, "tput", "k", "v");
        // As execCommandAbort: Redis's own rejection texts lose their ERR there (checked against redis-server 7.0.15).
        assertEquals("-EXECABORT Transaction discarded because of: wrong number of arguments for 'texec' command\r\n",
                call(c, "texec", "extra"));
        assertFalse(c.inMulti(), "as Redis's execCommandAbort");
        assertEquals(1, entry("texec").rejectedCalls);
        assertEquals("+OK\r\n", call(c, "tput", "k", "v"), "runs at once again, not queued");
        assertEquals(1, engine.stats().errorCounts().get("EXECABORT")[0]);
    }

    @Test
    void aBlockedCommandRunsAgainThroughTheCallUnitAndCountsOnce() {
        Client waiting = engine.detachedClient(1);
        Client pusher = engine.detachedClient(2);
        assertEquals("", call(waiting, "tpop", "list"));
        assertTrue(waiting.isBlocked());
        assertEquals(1, entry("tpop").calls);
        assertEquals(":1\r\n", call(pusher, "tpush", "list", "a"));
        assertFalse(waiting.isBlocked());
        assertEquals("$1\r\na\r\n", new String(waiting.reply().buffer(), 0, waiting.reply().size(),
                StandardCharsets.ISO_8859_1));
        assertEquals(1, entry("tpop").calls, "as Redis's updateStatsOnUnblock: no second call");
        assertEquals(List.of("0:tpush list a", "0:TPOPPED list"), propagated,
                "the served pop propagates what it did, after the push that woke it");
    }

    @Test
    void aCommandThatChangedDataAndRecordedNothingIsPropagatedAsSentInsideItsUnit() {
        Client c = engine.detachedClient(1);
        call(c, "tput", "k", "v");
        call(c, "tfail");
        call(c, "tmulti");
        call(c, "tput", "a", "1");
        call(c, "tput", "b", "2");
        call(c, "texec");
        assertEquals(List.of("0:tput k v", "0:MULTI", "0:tput a 1", "0:tput b 2", "0:EXEC"), propagated);
    }

    @Test
    void theAofLoaderRunsCommandsWithoutStatisticsOrPropagation() {
        Client fake = engine.detachedClient(Client.AOF_CLIENT_ID);
        byte[][] put = {"tput".getBytes(), "k".getBytes(), "v".getBytes()};
        assertTrue(engine.callUnit().load(fake, put));
        assertFalse(engine.callUnit().load(fake, new byte[][] {"nosuch".getBytes()}));
        assertTrue(engine.callUnit().load(fake, new byte[][] {"tput".getBytes()}), "wrong arity: skipped");
        assertEquals(0, entry("tput").calls);
        assertEquals(List.of(), propagated);
        assertTrue(keyspace.db(0).exists("k".getBytes()));
    }

    private static CommandSpec testSpec(String name, int arity, Set<CommandFlag> flags, KeySpec... keys) {
        return new CommandSpec(name, arity, flags, List.of(keys), new CommandDoc("test", "0.1", "module", null, List.of()));
    }

    /** {@code TPUT key value}: stores a one-element list, propagated verbatim. */
    static final class Put implements Command {
        private static final CommandSpec SPEC = testSpec("tput", 3, Set.of(CommandFlag.WRITE), KeySpec.single(1, KeyFlag.OW));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            RedisList l = ctx.db().createList();
            l.push(false, args[2]);
            ctx.db().set(args[1], l);
            ctx.reply().ok();
        }
    }

    /** {@code TFAIL}: always an error. */
    static final class Fail implements Command {
        private static final CommandSpec SPEC = testSpec("tfail", 1, Set.of(CommandFlag.READONLY));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            throw new RedisError("ERR no");
        }
    }

    /** {@code TPUSH key value}: appends, creating the list. */
    static final class Push implements Command {
        private static final CommandSpec SPEC = testSpec("tpush", 3, Set.of(CommandFlag.WRITE), KeySpec.single(1, KeyFlag.RW));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            RedisList l = ctx.db().get(args[1], RedisList.class);
            if (l == null) {
                l = ctx.db().createList();
                l.push(false, args[2]);
                ctx.db().set(args[1], l);
            } else {
                l.push(false, args[2]);
                ctx.db().modified(args[1]);
            }
            ctx.reply().integer(l.size());
        }
    }

    /** {@code TPOP key}: pops the head, or blocks for ever; propagates {@code TPOPPED key}. */
    static final class Pop implements BlockingCommand {
        private static final CommandSpec SPEC = testSpec("tpop", 2, Set.of(CommandFlag.WRITE, CommandFlag.BLOCKING),
                KeySpec.single(1, KeyFlag.RW));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            RedisList l = ctx.db().get(args[1], RedisList.class);
            if (l == null) {
                if (!ctx.block(new byte[][] {args[1]}, 0)) {
                    ctx.reply().nullBulk();
                }
                return;
            }
            byte[] v = l.pop(true);
            if (l.size() == 0) {
                ctx.db().delete(args[1]);
            } else {
                ctx.db().modified(args[1]);
            }
            ctx.propagate("TPOPPED".getBytes(), args[1]);
            ctx.reply().bulk(v);
        }
    }

    /** {@code TMULTI}, with MULTI's role. */
    static final class Multi implements ServerCommand {
        private static final CommandSpec SPEC = testSpec("tmulti", 1, Set.of(CommandFlag.NO_MULTI));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public Role role() {
            return Role.MULTI;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            Transactions.multi(((CallContext) ctx).client());
        }
    }

    /** {@code TEXEC}, with EXEC's role. */
    final class Exec implements ServerCommand {
        private final CommandSpec spec = testSpec("texec", 1, Set.of());

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public Role role() {
            return Role.EXEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            Transactions.exec(((CallContext) ctx).client(), engine.callUnit());
        }
    }
}
