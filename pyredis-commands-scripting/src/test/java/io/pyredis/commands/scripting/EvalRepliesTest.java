package io.pyredis.commands.scripting;

import io.pyredis.server.PyRedisServer;
import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scripts' replies as redis-server 7.0.15 gives them (recorded by
 * {@code record-eval-replies.py} from {@code eval-requests.txt}), byte for byte, in a real
 * server over a socket: Lua to RESP2/RESP3 conversions both ways, Redis's error texts and
 * their {@code script: <sha>, on @user_script:<line>.} suffix, the sandbox, the redis API's
 * argument checks, shebang flags, EVAL_RO, SCRIPT's subcommands.
 *
 * <p>Known difference: a syntax error is reported by LuaJ's parser, whose wording after
 * {@code user_script:<line>:} is not Lua 5.1's; only the text up to there is compared.
 */
class EvalRepliesTest {

    private static final String COMPILE_ERROR = "-ERR Error compiling script (new function): user_script:1:";

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("enable-debug-command", "yes").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void repliesAreRedis() throws IOException {
        List<String> mismatches = new ArrayList<>();
        try (RawClient c = new RawClient(server.port());
             BufferedReader r = new BufferedReader(new InputStreamReader(
                     EvalRepliesTest.class.getResourceAsStream("/eval-replies-redis-7.0.15.tsv"),
                     StandardCharsets.ISO_8859_1))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                String[] args = cols[0].replace("\\n", "\n").split(" \\| ", -1);
                String want = unescape(cols[1]);
                String got = c.call(args);
                if (args[0].equals("HELLO")) {
                    continue; // the server's reply names the connection's id
                }
                boolean same = want.startsWith(COMPILE_ERROR)
                        ? got.startsWith(COMPILE_ERROR)
                        : got.equals(want);
                if (!same) {
                    mismatches.add(cols[0] + "\n  want " + cols[1] + "\n  got  " + escape(got));
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " differ:\n" + String.join("\n", mismatches));
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'r' ? '\r' : n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }
}
