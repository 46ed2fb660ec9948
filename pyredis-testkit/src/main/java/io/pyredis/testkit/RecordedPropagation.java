package io.pyredis.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario recorded from redis-server 7.0.15 with {@code appendonly yes} by
 * {@code pyredis-testkit/src/test/record-propagation.py}: per command, what Redis appended to
 * its AOF, one tab-separated column per command recorded (none when it recorded nothing), in
 * {@link Harness#format}'s form. SELECT, MULTI and EXEC are left out (the AOF writer adds
 * them). Absolute times derived from the command's clock are written {@code {now+N}}.
 * Lines starting with {@code !} set the scene (not compared); {@code ~} marks a command whose
 * recorded form is random (SPOP): only the number of commands and their names and keys are
 * compared. {@code SELECT n} selects a database of the harness.
 */
public record RecordedPropagation(int line, String command, boolean setup, boolean random, List<String> expected) {

    private static final Pattern NOW = Pattern.compile("\\{now([+-]\\d+)?}");

    /** The command's arguments ({@code ""} is an empty one). */
    public String[] args() {
        String[] a = command.split(" ", -1);
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals("\"\"")) {
                a[i] = "";
            }
        }
        return a;
    }

    /** The expected forms with {@code {now+N}} resolved against {@code now}. */
    public List<String> expected(long now) {
        List<String> out = new ArrayList<>();
        for (String e : expected) {
            Matcher m = NOW.matcher(e);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                long t = now + (m.group(1) == null ? 0 : Long.parseLong(m.group(1)));
                m.appendReplacement(b, Long.toString(t));
            }
            m.appendTail(b);
            out.add(b.toString());
        }
        return out;
    }

    /** The steps of {@code resource}, an absolute class-path resource name. */
    public static List<RecordedPropagation> load(String resource) throws IOException {
        List<RecordedPropagation> steps = new ArrayList<>();
        for (ScenarioLine l : ScenarioLine.read(resource)) {
            String[] cols = l.columns();
            steps.add(new RecordedPropagation(l.line(), l.command(), l.setup(), l.random(),
                    List.copyOf(Arrays.asList(cols).subList(1, cols.length))));
        }
        return steps;
    }

    /** {@link #check(String, Harness, Consumer)} with the setup steps run as commands. */
    public static List<String> check(String resource, Harness h) throws IOException {
        return check(resource, h, h::call);
    }

    /**
     * Runs the scenario of {@code resource} on {@code h} and returns one line per command
     * whose recorded form ({@link Harness#lastRecorded}) differs from Redis's (none when all
     * agree). Setup steps' arguments go to {@code setup}.
     */
    public static List<String> check(String resource, Harness h, Consumer<String[]> setup) throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (RecordedPropagation step : load(resource)) {
            String[] args = step.args();
            if (args[0].equalsIgnoreCase("SELECT")) {
                h.select(Integer.parseInt(args[1]));
                continue;
            }
            if (step.setup()) {
                setup.accept(args);
                continue;
            }
            h.call(args);
            List<String> got = h.lastRecorded();
            List<String> want = step.expected(h.now());
            if (step.random() ? !shape(got).equals(shape(want)) : !got.equals(want)) {
                mismatches.add("line " + step.line() + " " + step.command() + ": recorded " + got + ", Redis " + want);
            }
        }
        return mismatches;
    }

    /** Each command's name, key and argument count: what a random form has in common with Redis's. */
    private static List<String> shape(List<String> commands) {
        List<String> out = new ArrayList<>();
        for (String c : commands) {
            String[] a = c.split(" ");
            out.add(a[0] + " " + (a.length > 1 ? a[1] : "") + " /" + a.length);
        }
        return out;
    }

    /**
     * Replays everything {@code h} recorded into {@code fresh} with both clocks moved
     * {@code laterMillis} past {@code h}'s, and returns both dumps: equal when loading the
     * AOF later gives the same data as the commands gave.
     */
    public static String[] replayLater(Harness h, Harness fresh, long laterMillis) {
        long at = h.clock.millis() + laterMillis;
        h.clock.set(at);
        fresh.clock.set(at);
        h.keyspace.refreshTime();
        fresh.keyspace.refreshTime();
        h.replayRecorded(fresh);
        return new String[] {h.dump(), fresh.dump()};
    }
}
