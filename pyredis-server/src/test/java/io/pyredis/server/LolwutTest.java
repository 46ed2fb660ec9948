package io.pyredis.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LOLWUT over a real socket, against {@code lolwut-redis-7.0.15.json}, recorded from
 * redis-server 7.0.15 by {@code src/test/record-lolwut.py}, in RESP2 and RESP3:
 *
 * <ul>
 *   <li>the replies that do not depend on {@code rand()} byte for byte: the version line,
 *       the version number mapping, bad integers, the clamping of the arguments, Schotter
 *       with one or two rows of squares (which are not rotated), a skyline one row tall (too
 *       low for any skyscraper);
 *   <li>the others by what does not depend on it: the reply type, every line's width (in
 *       characters, or cells of the skyline), only the characters Redis draws with, the
 *       closing text;
 *   <li>the straight rows at the top of a rotated Schotter as Redis draws them.
 * </ul>
 */
class LolwutTest {

    /** A skyline cell: a space with its colours, lolwut6.c's "\033[%s \033[0m". */
    private static final Pattern CELL = Pattern.compile("\033\\[([0-9;]+m) \033\\[0m");
    /** The four grays of lolwut6.c's renderCanvas. */
    private static final Set<String> GRAYS = Set.of("0;30;40m", "0;90;100m", "0;37;47m", "0;97;107m");

    private static PyRedisServer server;
    private static RawClient resp2;
    private static RawClient resp3;
    private static JsonNode recorded;

    @BeforeAll
    static void start() throws IOException {
        server = PyRedisServer.builder().set("port", "0").build().start();
        resp2 = new RawClient(server.port());
        resp3 = new RawClient(server.port());
        resp3.call("HELLO", "3");
        try (InputStream in = LolwutTest.class.getResourceAsStream("/lolwut-redis-7.0.15.json")) {
            recorded = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        resp2.close();
        resp3.close();
        server.close();
    }

    private static String call(int protocol, JsonNode request) throws IOException {
        List<String> args = new ArrayList<>();
        request.forEach(a -> args.add(a.textValue()));
        return (protocol == 2 ? resp2 : resp3).call(args.toArray(new String[0]));
    }

    @Test
    void theDefaultIsTheVersionLineVerbatimInResp3AndBulkInResp2() throws IOException {
        assertEquals("$18\r\nRedis ver. 7.0.15\n\r\n", resp2.call("LOLWUT"));
        assertEquals("=22\r\ntxt:Redis ver. 7.0.15\n\r\n", resp3.call("LOLWUT"));
    }

    @Test
    void repliesThatDoNotDependOnRandAreRedisByteForByte() throws IOException {
        List<String> differ = new ArrayList<>();
        int n = 0;
        for (JsonNode c : recorded.get("exact")) {
            // utf-8 bytes, as latin-1 characters, in both: RawClient reads the reply so.
            String theirs = c.get("reply").textValue();
            String mine = call(c.get("protocol").intValue(), c.get("request"));
            if (!mine.equals(theirs)) {
                differ.add("RESP" + c.get("protocol") + " " + c.get("request") + "\n  ours:  " + mine + "\n  redis: " + theirs);
            }
            n++;
        }
        assertTrue(n > 90, "recorded cases: " + n);
        assertEquals(List.of(), differ);
    }

    @Test
    void drawingsHaveRedisShapeCharactersAndClosingText() throws IOException {
        List<String> differ = new ArrayList<>();
        for (JsonNode c : recorded.get("shapes")) {
            JsonNode theirs = c.get("shape");
            String mine = shape(call(c.get("protocol").intValue(), c.get("request")));
            String expected = theirs.get("type").textValue() + " " + theirs.get("widths") + " " + theirs.get("last");
            if (!mine.equals(expected)) {
                differ.add("RESP" + c.get("protocol") + " " + c.get("request") + "\n  ours:  " + mine + "\n  redis: " + expected);
            }
            theirs.get("cells").forEach(g -> assertTrue(GRAYS.contains(g.textValue()), "Redis drew " + g));
        }
        assertEquals(List.of(), differ);
    }

    /**
     * The same as record-lolwut.py's shape(): type, line widths and closing lines, after
     * checking that the drawing uses only braille characters (Schotter) or the four gray
     * cells (skyline).
     */
    private static String shape(String raw) {
        String type = raw.substring(0, 1);
        String body = raw.substring(raw.indexOf("\r\n") + 2, raw.length() - 2);
        if (type.equals("=")) {
            assertEquals("txt:", body.substring(0, 4));
            body = body.substring(4);
        }
        String text = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        boolean skyline = text.indexOf('\033') >= 0;
        int textLines = skyline ? 3 : 2;
        List<Integer> widths = new ArrayList<>();
        for (String line : Arrays.asList(lines).subList(0, lines.length - textLines)) {
            if (skyline) {
                Matcher m = CELL.matcher(line);
                int cells = 0;
                while (m.find()) {
                    assertTrue(GRAYS.contains(m.group(1)), "not one of Redis's grays: " + m.group(1));
                    cells++;
                }
                assertEquals("", CELL.matcher(line).replaceAll(""), "only cells on a line of the skyline");
                widths.add(cells);
            } else {
                line.chars().forEach(ch -> assertTrue(ch >= 0x2800 && ch <= 0x28ff, "not braille: " + ch));
                widths.add(line.length());
            }
        }
        List<String> last = new ArrayList<>(Arrays.asList(lines).subList(lines.length - textLines, lines.length));
        StringBuilder sb = new StringBuilder();
        for (String l : last) {
            sb.append(sb.length() == 0 ? "[" : ",").append('"').append(l).append('"');
        }
        return type + " " + widths.toString().replace(" ", "") + " " + sb.append(']');
    }

    @Test
    void theStraightTopRowsOfSchotterAreRedisOnes() throws IOException {
        String twoRows = null;
        for (JsonNode c : recorded.get("exact")) {
            if (c.get("protocol").intValue() == 2 && c.get("request").toString().equals("[\"LOLWUT\",\"VERSION\",\"5\",\"66\",\"8\",\"2\"]")) {
                twoRows = utf8(c.get("reply").textValue());
            }
        }
        // 66 columns, 8 squares a row: 16 pixels a side, the third row's squares centred at
        // y 42 moved by at most 2/12 of a third of a side and rotated by at most 2/12 radian,
        // so they do not reach above pixel row 32: the first 8 lines (4 pixel rows each) are
        // the two straight rows only, as with 2 rows of squares.
        List<String> redis = Arrays.asList(twoRows.split("\n")).subList(0, 8);
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < 5; i++) {
            String mine = utf8(resp2.call("LOLWUT", "VERSION", "5", "66", "8", "12"));
            assertEquals(redis, Arrays.asList(mine.split("\n")).subList(0, 8));
            seen.add(mine);
        }
        assertTrue(seen.size() > 1, "the rotated rows are random");
    }

    private static String utf8(String rawBulk) {
        String body = rawBulk.substring(rawBulk.indexOf("\r\n") + 2, rawBulk.length() - 2);
        return new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
