package io.pyredis.commands.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A scenario recorded from redis-server 7.0.15 with {@code notify-keyspace-events Eg$lshz}:
 * per command, its RESP2 reply and the keyspace events it published, in order, as
 * {@code class:event:key} ({@code @db} appended outside database 0). Lines starting with
 * {@code !} set the scene (their events are not compared); {@code ~} marks a reply that
 * is random (SPOP, RANDOMKEY, a TTL), compared for its events only.
 */
record RecordedEvents(int line, String command, boolean setup, boolean randomReply, String reply,
                      List<String> events) {

    String[] args() {
        return command.split(" ", -1);
    }

    static List<RecordedEvents> load(String resource) throws IOException {
        List<RecordedEvents> steps = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(RecordedEvents.class.getResourceAsStream(resource), resource);
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
                if (setup || random) {
                    cmd = cmd.substring(1);
                }
                List<String> events = cols[2].isEmpty() ? List.of() : Arrays.asList(cols[2].split(" "));
                steps.add(new RecordedEvents(n, cmd.replace("\"\"", ""), setup, random, unescape(cols[1]), events));
            }
        }
        return steps;
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
