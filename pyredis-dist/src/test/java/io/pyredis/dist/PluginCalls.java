package io.pyredis.dist;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.commands.ProtocolCommand;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Calls of plugin commands (which Jedis has no methods for) from the plugin tests. */
final class PluginCalls {

    private PluginCalls() {
    }

    static ProtocolCommand command(String name) {
        byte[] raw = name.getBytes(StandardCharsets.US_ASCII);
        return () -> raw;
    }

    /** Sends {@code args} (name first); the reply as text. */
    static String call(Jedis j, String... args) {
        return text(j.sendCommand(command(args[0]), Arrays.copyOfRange(args, 1, args.length)));
    }

    static String text(Object r) {
        return r instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(r);
    }

    /** {@code n} calls of {@code command} pipelined on {@code j} from a thread of their own. */
    static final class Pipelined {
        private final AtomicReference<List<Object>> replies = new AtomicReference<>();
        private final Thread thread;

        Pipelined(Jedis j, String command, int n) {
            thread = new Thread(() -> {
                Pipeline p = j.pipelined();
                for (int i = 0; i < n; i++) {
                    p.sendCommand(command(command), new String[0]);
                }
                replies.set(p.syncAndReturnAll());
            });
            thread.start();
        }

        /** The replies as text, once all came (null when they did not within two minutes). */
        List<String> await() throws InterruptedException {
            thread.join(120_000);
            List<Object> all = replies.get();
            if (all == null) {
                return null;
            }
            List<String> out = new ArrayList<>(all.size());
            all.forEach(r -> out.add(text(r)));
            return out;
        }
    }
}
