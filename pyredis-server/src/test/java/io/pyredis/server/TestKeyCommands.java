package io.pyredis.server;

import io.pyredis.testkit.TestSpecs;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandPack;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.SpiVersion;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Stand-ins, as a plugin would write them, for the keys-pack commands the server's tests
 * need (the packs cannot be test dependencies of the server: they test against it): XDEL
 * deletes keys and reports {@code del} as DEL does, XSWAPDB swaps databases as SWAPDB does.
 */
final class TestKeyCommands implements CommandPack {

    @Override
    public String name() {
        return "testkeys";
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<Command> commands() {
        return List.of(new Del(), new SwapDb(), new BlockingTest.WaitForCommand());
    }

    /** {@code XDEL key [key ...]} */
    static final class Del implements Command {
        private static final CommandSpec SPEC = TestSpecs.of("xdel", -2, Set.of(CommandFlag.WRITE), KeySpec.range(1, -1, 1));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            long n = 0;
            for (int i = 1; i < args.length; i++) {
                if (ctx.db().delete(args[i])) {
                    ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, "del", args[i]);
                    n++;
                }
            }
            ctx.reply().integer(n);
        }
    }

    /** {@code XSWAPDB a b} */
    static final class SwapDb implements Command {
        private static final CommandSpec SPEC = TestSpecs.of("xswapdb", 3, Set.of(CommandFlag.WRITE));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            ctx.swapDatabases(Integer.parseInt(new String(args[1], StandardCharsets.US_ASCII)),
                    Integer.parseInt(new String(args[2], StandardCharsets.US_ASCII)));
            ctx.reply().ok();
        }
    }
}
