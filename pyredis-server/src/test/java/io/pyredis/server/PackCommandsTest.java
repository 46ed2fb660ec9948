package io.pyredis.server;

import io.pyredis.testkit.TestSpecs;
import io.pyredis.testkit.RawClient;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandPack;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.SpiVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the dispatcher treats a pack's commands: failures, subcommands, name clashes. */
class PackCommandsTest {

    static PyRedisServer server;

    static Command cmd(String name, int arity, java.util.function.BiConsumer<CommandContext, byte[][]> body,
                           Command... subs) {
        CommandSpec spec = TestSpecs.of(name, arity, Set.of());
        return new Command() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public void execute(CommandContext ctx, byte[][] args) {
                body.accept(ctx, args);
            }

            @Override
            public List<Command> subcommands() {
                return List.of(subs);
            }
        };
    }

    static CommandPack pack(String name, Command... commands) {
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
                return List.of(commands);
            }
        };
    }

    @BeforeAll
    static void start() {
        CommandPack test = pack("test",
                cmd("boom", 1, (c, a) -> {
                    throw new IllegalStateException("kaput");
                }),
                cmd("half", 1, (c, a) -> {
                    c.reply().array(2);
                    c.reply().bulk("one");
                    throw new RedisError("ERR changed my mind");
                }),
                cmd("box", -2, (c, a) -> c.reply().ok(),
                        cmd("box|open", 2, (c, a) -> c.reply().simple("OPENED")),
                        cmd("box|put", -3, (c, a) -> c.reply().integer(a.length - 2))),
                cmd("whoami", 1, (c, a) -> c.reply().integer(c.session().id())));
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").addPack(test).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCommandThatThrowsGetsAnErrorAndTheConnectionLives() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("BOOM") + command("PING"));
            String first = c.readUntil("\r\n");
            assertTrue(first.startsWith("-ERR internal error in 'boom' command: java.lang.IllegalStateException: kaput"),
                    first);
            assertEquals("+PONG\r\n", c.read(7));
        }
    }

    @Test
    void aPartlyWrittenReplyIsDroppedForTheError() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("PING") + command("half") + command("PING"));
            String expected = "+PONG\r\n-ERR changed my mind\r\n+PONG\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void subcommandsAreLookedUpAndCheckedLikeRedis() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("BOX", "OPEN") + command("box", "put", "a", "b") + command("box", "open", "x")
                    + command("box", "nope") + command("box") + command("box", "put"));
            String expected = "+OPENED\r\n:2\r\n-ERR wrong number of arguments for 'box|open' command\r\n"
                    + "-ERR unknown subcommand 'nope'. Try BOX HELP.\r\n"
                    + "-ERR wrong number of arguments for 'box' command\r\n"
                    + "-ERR wrong number of arguments for 'box|put' command\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void clientIdsAreDistinct() throws Exception {
        try (RawClient a = new RawClient(server.port()); RawClient b = new RawClient(server.port())) {
            a.send(command("whoami"));
            b.send(command("whoami"));
            String ia = a.readUntil("\r\n");
            String ib = b.readUntil("\r\n");
            assertTrue(ia.startsWith(":") && ib.startsWith(":"));
            assertTrue(!ia.equals(ib), ia + " " + ib);
        }
    }

    @Test
    void aPackCannotTakeABuiltInName() {
        CommandPack clash = pack("clash", cmd("ping", 1, (c, a) -> c.reply().ok()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").addPack(clash).build().start());
        assertEquals("Pack 'clash' cannot be added: command 'ping' is already taken by pack 'builtin'", e.getMessage());
    }
}
