package io.pyredis.server.internal.commands;

import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.commands.SyntaxArguments.Arg;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The arguments trees derived from syntax lines, against the trees Redis 7.0.15's COMMAND DOCS
 * gives for the same commands (names of oneofs and blocks aside, which the lines do not carry).
 */
class SyntaxArgumentsTest {

    /** {@code name:type} then {@code token=}, flags and children, compact enough to compare whole trees. */
    private static String describe(List<Arg> args) {
        return args.stream().map(SyntaxArgumentsTest::describe).collect(Collectors.joining(" "));
    }

    private static String describe(Arg a) {
        StringBuilder sb = new StringBuilder(a.name()).append(':').append(a.type());
        if (a.token() != null) {
            sb.append(" token=").append(a.token());
        }
        if (a.optional()) {
            sb.append(" optional");
        }
        if (a.multiple()) {
            sb.append(" multiple");
        }
        if (a.multipleToken()) {
            sb.append(" multiple_token");
        }
        if (!a.arguments().isEmpty()) {
            sb.append(" {").append(describe(a.arguments())).append('}');
        }
        return "(" + sb + ")";
    }

    private static String tree(String syntax) {
        return describe(SyntaxArguments.parse(syntax));
    }

    @Test
    void setHasOneofsOfPureTokensAndTokenedArguments() {
        assertEquals("(key:key) (value:string) (nx_xx:oneof optional {(nx:pure-token token=NX) (xx:pure-token token=XX)}) "
                        + "(get:pure-token token=GET optional) "
                        + "(seconds_milliseconds_unix-time-seconds_unix-time-milliseconds_keepttl:oneof optional "
                        + "{(seconds:integer token=EX) (milliseconds:integer token=PX) "
                        + "(unix-time-seconds:unix-time token=EXAT) (unix-time-milliseconds:unix-time token=PXAT) "
                        + "(keepttl:pure-token token=KEEPTTL)})",
                tree("key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds "
                        + "| PXAT unix-time-milliseconds | KEEPTTL]"));
    }

    @Test
    void repetitionsAreMultiple() {
        assertEquals("(key:key multiple)", tree("key [key ...]"));
        assertEquals("(key:key multiple) (timeout:double)", tree("key [key ...] timeout"));
        assertEquals("(numkeys:integer) (key:key multiple) (left_right:oneof {(left:pure-token token=LEFT) "
                + "(right:pure-token token=RIGHT)}) (count:integer token=COUNT optional)",
                tree("numkeys key [key ...] <LEFT | RIGHT> [COUNT count]"));
        // two arguments repeated together: Redis's multiple block (ZADD's score_member)
        assertEquals("(key:key) (nx_xx:oneof optional {(nx:pure-token token=NX) (xx:pure-token token=XX)}) "
                        + "(gt_lt:oneof optional {(gt:pure-token token=GT) (lt:pure-token token=LT)}) "
                        + "(ch:pure-token token=CH optional) (incr:pure-token token=INCR optional) "
                        + "(score_member:block multiple {(score:double) (member:string)})",
                tree("key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]"));
        assertEquals("(key:key) (field_value:block multiple {(field:string) (value:string)})",
                tree("key field value [field value ...]"));
    }

    @Test
    void tokensOfRepeatedArguments() {
        // SORT's GET repeats with its token, ZUNION's WEIGHTS once before all weights
        assertEquals("(pattern:pattern token=GET optional multiple multiple_token)", tree("[GET pattern [GET pattern ...]]"));
        assertEquals("(weight:integer token=WEIGHTS optional multiple)", tree("[WEIGHTS weight [weight ...]]"));
    }

    @Test
    void blocksAndTokenedOneofs() {
        assertEquals("(offset_count:block token=LIMIT optional {(offset:integer) (count:integer)})",
                tree("[LIMIT offset count]"));
        assertEquals("(count_withvalues:block optional {(count:integer) (withvalues:pure-token token=WITHVALUES optional)})",
                tree("[count [WITHVALUES]]"));
        assertEquals("(sum_min_max:oneof token=AGGREGATE optional {(sum:pure-token token=SUM) "
                + "(min:pure-token token=MIN) (max:pure-token token=MAX)})", tree("[AGGREGATE SUM | MIN | MAX]"));
        assertEquals("(min_max:oneof token=AGGREGATE {(min:pure-token token=MIN) (max:pure-token token=MAX)})",
                tree("AGGREGATE <MIN | MAX>"));
        assertEquals("(key:key) (before_after:oneof {(before:pure-token token=BEFORE) (after:pure-token token=AFTER)}) "
                + "(pivot:string) (element:string)", tree("key <BEFORE | AFTER> pivot element"));
    }

    @Test
    void topLevelAlternativesAreOneRequiredOneof() {
        assertEquals("(on_off:oneof {(on:pure-token token=ON) (off:pure-token token=OFF)})", tree("ON | OFF"));
        // CLIENT KILL: the options-only alternative is Redis's multiple oneof (new-format)
        assertEquals("(ip:port_client-id_user:oneof {(ip:port:string) (client-id_user:oneof multiple "
                        + "{(client-id:integer token=ID optional) (user:string token=USER optional)})})",
                tree("ip:port | [ID client-id] [USER user]"));
    }

    @Test
    void typesFollowRedisNames() {
        assertEquals("(source:key) (destination:key) (destination-db:integer token=DB optional) "
                + "(replace:pure-token token=REPLACE optional)", tree("source destination [DB destination-db] [REPLACE]"));
        assertEquals("(cursor:integer) (pattern:pattern token=MATCH optional) (count:integer token=COUNT optional) "
                + "(type:string token=TYPE optional)", tree("cursor [MATCH pattern] [COUNT count] [TYPE type]"));
    }

    @Test
    void emptyLineHasNoArguments() {
        assertEquals(List.of(), SyntaxArguments.of(""));
        assertEquals(List.of(), SyntaxArguments.of("   "));
    }

    @Test
    void unreadableLinesGiveNoTreeRatherThanAnError() {
        for (String bad : List.of("key [", "key ]", "key <a", "[key ...]", "a [b ...]", "a | | b", "[]",
                "key ...", "[a | b] [[a | b] ...]", "<a] b>", "EX <AGGREGATE <A | B>>")) {
            assertNull(SyntaxArguments.of(bad), bad);
        }
    }

    private static String written(String syntax, boolean keySpec, int protocol) {
        RespWriter w = new RespWriter(protocol);
        SyntaxArguments.write(w, SyntaxArguments.of(syntax), keySpec);
        return new String(w.buffer(), 0, w.size(), StandardCharsets.UTF_8);
    }

    @Test
    void writtenAsRedisDoes() {
        // Redis 7.0.15, HELLO 3, COMMAND DOCS getex: its arguments, the oneof's name aside ("expiration")
        String redis = "*2\r\n%3\r\n$4\r\nname\r\n$3\r\nkey\r\n$4\r\ntype\r\n$3\r\nkey\r\n$14\r\nkey_spec_index\r\n:0\r\n"
                + "%4\r\n$4\r\nname\r\n$10\r\nexpiration\r\n$4\r\ntype\r\n$5\r\noneof\r\n$5\r\nflags\r\n~1\r\n+optional\r\n"
                + "$9\r\narguments\r\n*5\r\n%3\r\n$4\r\nname\r\n$7\r\nseconds\r\n$4\r\ntype\r\n$7\r\ninteger\r\n"
                + "$5\r\ntoken\r\n$2\r\nEX\r\n%3\r\n$4\r\nname\r\n$12\r\nmilliseconds\r\n$4\r\ntype\r\n$7\r\ninteger\r\n"
                + "$5\r\ntoken\r\n$2\r\nPX\r\n%3\r\n$4\r\nname\r\n$17\r\nunix-time-seconds\r\n$4\r\ntype\r\n$9\r\n"
                + "unix-time\r\n$5\r\ntoken\r\n$4\r\nEXAT\r\n%3\r\n$4\r\nname\r\n$22\r\nunix-time-milliseconds\r\n"
                + "$4\r\ntype\r\n$9\r\nunix-time\r\n$5\r\ntoken\r\n$4\r\nPXAT\r\n%3\r\n$4\r\nname\r\n$7\r\npersist\r\n"
                + "$4\r\ntype\r\n$10\r\npure-token\r\n$5\r\ntoken\r\n$7\r\nPERSIST\r\n";
        String ours = written("key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds "
                + "| PERSIST]", true, 3);
        String name = "seconds_milliseconds_unix-time-seconds_unix-time-milliseconds_persist";
        assertEquals(redis.replace("$10\r\nexpiration\r\n", "$" + name.length() + "\r\n" + name + "\r\n"), ours);
        // RESP2: maps and sets flat
        assertEquals("*1\r\n*6\r\n$4\r\nname\r\n$3\r\nkey\r\n$4\r\ntype\r\n$3\r\nkey\r\n$5\r\nflags\r\n*1\r\n"
                + "+multiple\r\n", written("key [key ...]", false, 2));
    }
}
