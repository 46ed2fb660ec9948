package io.pyredis.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One step of a scenario recorded from redis-server: a tab-separated line whose first
 * column is the command, marked {@code !} when it only sets up (not compared) or {@code ~}
 * when its result is random (compared loosely). Blank lines and {@code #} comments are
 * skipped; {@code line} is the 1-based line number, for messages.
 */
record ScenarioLine(int line, String command, boolean setup, boolean random, String[] columns) {

    /** The steps of {@code resource}, an absolute class-path resource name. */
    static List<ScenarioLine> read(String resource) throws IOException {
        List<ScenarioLine> steps = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(ScenarioLine.class.getResourceAsStream(resource), resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            int n = 0;
            for (String l; (l = r.readLine()) != null; ) {
                n++;
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] cols = l.split("\t", -1);
                String cmd = cols[0];
                boolean setup = cmd.startsWith("!");
                boolean random = cmd.startsWith("~");
                steps.add(new ScenarioLine(n, setup || random ? cmd.substring(1) : cmd, setup, random, cols));
            }
        }
        return steps;
    }
}
