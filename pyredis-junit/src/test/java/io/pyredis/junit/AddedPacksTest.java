package io.pyredis.junit;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandPack;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.SpiVersion;
import io.pyredis.testkit.TestSpecs;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pack of the test's own, not registered in META-INF/services, added by the annotation. */
@PyRedisTest(packs = AddedPacksTest.GreetPack.class)
class AddedPacksTest {

    /** {@code GREET name}: replies "hello, name". */
    public static final class GreetPack implements CommandPack {
        @Override
        public String name() {
            return "greet";
        }

        @Override
        public int spiVersion() {
            return SpiVersion.CURRENT;
        }

        @Override
        public List<Command> commands() {
            return List.of(new Command() {
                private final CommandSpec spec = TestSpecs.of("greet", 2, Set.of(CommandFlag.READONLY, CommandFlag.FAST));

                @Override
                public CommandSpec spec() {
                    return spec;
                }

                @Override
                public void execute(CommandContext ctx, byte[][] args) {
                    ctx.reply().bulk("hello, " + new String(args[1], StandardCharsets.UTF_8));
                }
            });
        }
    }

    @Test
    void addedPackAnswersAlongsideTheStandardOnes(Jedis jedis) {
        Object reply = jedis.sendCommand(() -> "GREET".getBytes(StandardCharsets.US_ASCII), "world");
        assertEquals("hello, world", new String((byte[]) reply, StandardCharsets.UTF_8));
        assertEquals("OK", jedis.set("k", "v")); // the standard packs are there too
    }
}
