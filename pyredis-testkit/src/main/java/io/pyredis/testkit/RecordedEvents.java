package io.pyredis.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A scenario recorded from redis-server 7.0.15 with {@code notify-keyspace-events Eg$lshzt}:
 * per command, its RESP2 reply and the keyspace events it published, in order, as
 * {@code class:event:key} ({@code @db} appended outside database 0). Lines starting with
 * {@code !} set the scene (their events are not compared); {@code ~} marks a reply that
 * is random (SPOP, RANDOMKEY, a TTL), compared for its events only.
 */
public record RecordedEvents(int line, String command, boolean setup, boolean randomReply, String reply,
                             List<String> events) {

    public String[] args() {
        return command.split(" ", -1);
    }

    /** The steps of {@code resource}, an absolute class-path resource name. */
    public static List<RecordedEvents> load(String resource) throws IOException {
        List<RecordedEvents> steps = new ArrayList<>();
        for (ScenarioLine l : ScenarioLine.read(resource)) {
            String[] cols = l.columns();
            List<String> events = cols[2].isEmpty() ? List.of() : Arrays.asList(cols[2].split(" "));
            steps.add(new RecordedEvents(l.line(), l.command().replace("\"\"", ""), l.setup(), l.random(),
                    unescape(cols[1]), events));
        }
        return steps;
    }

    /** {@link #replay(String, Harness, Consumer)} with the setup steps run as commands. */
    public static List<String> replay(String resource, Harness h) throws IOException {
        return replay(resource, h, h::call);
    }

    /**
     * Runs the scenario of {@code resource} on {@code h}, handing each setup step's arguments
     * to {@code setup}, and returns one line per reply or event list that differs from Redis's
     * (none when all agree).
     */
    public static List<String> replay(String resource, Harness h, Consumer<String[]> setup) throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (RecordedEvents step : load(resource)) {
            if (step.setup()) {
                setup.accept(step.args());
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
        return mismatches;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char n = s.charAt(++i);
                b.append(n == 'r' ? '\r' : n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
