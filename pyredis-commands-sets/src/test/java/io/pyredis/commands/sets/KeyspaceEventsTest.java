package io.pyredis.commands.sets;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write command of the pack reports the keyspace events redis-server 7.0.15 publishes,
 * in the same order, with the same class and name: replays sets-events-redis-7.0.15.tsv (recorded from the real
 * server) and compares each command's reply and events. It covers the emptied keys that
 * also report {@code del} and the no-ops that report nothing.
 */
class KeyspaceEventsTest {

    @Test
    void sameEventsAsRedis() throws IOException {
        Harness h = new Harness();
        List<String> mismatches = new ArrayList<>();
        for (RecordedEvents step : RecordedEvents.load("/sets-events-redis-7.0.15.tsv")) {
            if (step.setup()) {
                h.call(step.args());
                continue;
            }
            h.events.clear();
            String reply = h.call(step.args());
            if (!step.randomReply() && !step.reply().equals(reply)) {
                mismatches.add("line " + step.line() + " " + step.command() + ": reply " + reply.replace("\r\n", " ")
                        + ", Redis " + step.reply().replace("\r\n", " "));
            }
            if (!step.events().equals(h.events)) {
                mismatches.add("line " + step.line() + " " + step.command() + ": events " + h.events
                        + ", Redis " + step.events());
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }
}
