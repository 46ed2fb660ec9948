package io.pyredis.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the same commands through Debian's redis-cli and through pyredis-cli against one real
 * redis-server and requires identical stdout, stderr and exit status, for every reply type in
 * RESP2 and RESP3 and every output mode.
 */
class RedisCliComparisonTest {

    private static RedisFixture redis;

    @BeforeAll
    static void startServer() throws Exception {
        Assumptions.assumeTrue(RedisFixture.installed("redis-server"), "redis-server is not installed");
        Assumptions.assumeTrue(RedisFixture.installed("redis-cli"), "redis-cli is not installed");
        redis = RedisFixture.start();
        List<String> setup = List.of(
                "flushall",
                "set k v",
                "rpush list 1 2 3 4 5 6 7 8 9 10 11",
                "hset hash f1 v1 f2 v2",
                "sadd set a b c",
                "zadd zset 1.5 a 2 b 3.25 c");
        for (String c : setup) redis.redisCli(new byte[0], args("-p " + redis.port + " " + c));
        redis.redisCli("a\u0001b\r\n\t\u0007\b\"\\ z".getBytes(StandardCharsets.ISO_8859_1),
                args("-p " + redis.port + " -x set bin"));
        byte[] high = {'x', (byte) 0xff, (byte) 0xc3, (byte) 0xa9, 0, 'y'};
        redis.redisCli(high, args("-p " + redis.port + " -x set high"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (redis != null) redis.close();
    }

    /** Read-only commands, so both CLIs see the same data whatever order they run in. */
    private static final List<String> SCRIPT = List.of(
            "ping",
            "get k",
            "get nokey",
            "exists k",
            "get bin",
            "get high",
            "lrange list 0 -1",
            "lrange nokey 0 -1",
            "hgetall hash",
            "hgetall nokey",
            "smembers set",
            "smembers nokey",
            "zrange zset 0 -1 withscores",
            "zscore zset a",
            "config get maxmemory*",
            "command info get",
            "command docs get",
            "foo bar",
            "get",
            "lpush k x",
            "info keyspace",
            "debug protocol string",
            "debug protocol integer",
            "debug protocol double",
            "debug protocol null",
            "debug protocol array",
            "debug protocol set",
            "debug protocol map",
            "debug protocol push",
            "debug protocol verbatim",
            "debug protocol true",
            "debug protocol false",
            "eval return{1,{2,{3,4}},{},{map={k={1,2,3}}},{set={q=true,r=true}},{double=3.0}} 0",
            "eval return{map={a={1,2},b={1},c={},d={map={x=1,y={set={z=true}}}},e={double=1.5}}} 0",
            "eval return{err='My error'} 0");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"-2,--no-raw", "-2,--raw", "-2,--csv", "-3,--no-raw", "-3,--raw", "-3,--csv"})
    void everyReplyTypeMatchesRedisCli(String proto, String mode) throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String command : SCRIPT) {
            List<String> a = args("-p " + redis.port + " " + proto + " " + mode + " " + command);
            RedisFixture.Result expected = redis.redisCli(new byte[0], a);
            RedisFixture.Result actual = RedisFixture.pyredisCli(new byte[0], a);
            if (!expected.equals(actual)) mismatches.add(command + "\n  redis-cli:   " + expected + "\n  pyredis-cli: " + actual);
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void defaultOutputIsRawWhenStdoutIsNotATerminal() throws Exception {
        for (String command : List.of("lrange list 0 -1", "hgetall hash", "get nokey", "foo")) {
            List<String> a = args("-p " + redis.port + " -3 " + command);
            assertEquals(redis.redisCli(new byte[0], a), RedisFixture.pyredisCli(new byte[0], a), command);
        }
    }

    @Test
    void replyTypesRedisCli70CannotPrintFailTheSameWay() throws Exception {
        for (String command : List.of("debug protocol bignum", "debug protocol attrib")) {
            List<String> a = args("-p " + redis.port + " -3 " + command);
            assertEquals(redis.redisCli(new byte[0], a), RedisFixture.pyredisCli(new byte[0], a), command);
        }
    }

    @Test
    void optionsThatShapeTheOutput() throws Exception {
        List<String> cases = List.of(
                "-r 3 ping",
                "-r abc ping",
                "-r 2 -i 0.01 --no-raw ping",
                "-d XX --raw lrange list 0 3",
                "-D YY --raw ping",
                "-e get",
                "-e --no-raw get",
                "-n 3 ping",
                "-n 99 ping",
                "-3 -n 99 hgetall hash",
                "-a secret ping",
                "-a secret --no-auth-warning ping",
                "--user u --pass p ping",
                "--user u ping",
                "-3 --show-pushes yes --no-raw debug protocol push",
                "-3 --show-pushes yes --raw debug protocol push",
                "-3 --show-pushes yes --csv debug protocol push");
        for (String c : cases) {
            List<String> a = args("-p " + redis.port + " " + c);
            assertEquals(redis.redisCli(new byte[0], a), RedisFixture.pyredisCli(new byte[0], a), c);
        }
        for (String uri : List.of("redis://x:y@127.0.0.1:%d/3", "redis://127.0.0.1:%d/2", "redis://:pw@127.0.0.1:%d")) {
            List<String> a = List.of("-u", String.format(uri, redis.port), "ping");
            assertEquals(redis.redisCli(new byte[0], a), RedisFixture.pyredisCli(new byte[0], a), uri);
        }
    }

    @Test
    void lastArgumentFromStdinKeepsEveryByte() throws Exception {
        byte[] data = {'l', 'i', 'n', 'e', '\n', 0, (byte) 0xfe, '"'};
        RedisFixture.Result set = RedisFixture.pyredisCli(data, args("-p " + redis.port + " -x set fromstdin"));
        assertEquals(new RedisFixture.Result("OK\n", "", 0), set);
        RedisFixture.Result get = redis.redisCli(new byte[0], args("-p " + redis.port + " --no-raw get fromstdin"));
        assertEquals("\"line\\n\\x00\\xfe\\\"\"\n", get.out());
    }

    @Test
    void commandsReadFromPipedStdinRunLikeRedisCli() throws Exception {
        byte[] script = ("ping\nget k\nset \"a\n3 ping\n0 ping\n  \nhelp get\nhelp @hyperloglog\nhelp config get\n"
                + "select 2\nquit\nping\n").getBytes(StandardCharsets.UTF_8);
        for (String mode : List.of("--no-raw", "--raw")) {
            List<String> a = args("-p " + redis.port + " " + mode);
            assertEquals(redis.redisCli(script, a), RedisFixture.pyredisCli(script, a), mode);
        }
    }

    @Test
    void pipeModeSummaryMatches() throws Exception {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 100; i++) in.append("SET pipe:").append(i).append(' ').append(i).append("\r\n");
        in.append("*3\r\n$3\r\nSET\r\n$4\r\nresp\r\n$1\r\nx\r\n");
        in.append("INCR k\r\n");
        byte[] bytes = in.toString().getBytes(StandardCharsets.US_ASCII);
        List<String> a = args("-p " + redis.port + " --pipe");
        RedisFixture.Result expected = redis.redisCli(bytes, a);
        RedisFixture.Result actual = RedisFixture.pyredisCli(bytes, a);
        assertEquals(expected, actual);
        assertEquals("All data transferred. Waiting for the last reply...\nLast reply received from server.\n"
                + "errors: 1, replies: 102\n", actual.out());
    }

    @Test
    void connectionRefused() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        List<String> a = args("-p " + closed + " ping");
        RedisFixture.Result actual = RedisFixture.pyredisCli(new byte[0], a);
        assertEquals(redis.redisCli(new byte[0], a), actual);
        assertEquals("Could not connect to Redis at 127.0.0.1:" + closed + ": Connection refused\n", actual.err());
    }

    static List<String> args(String line) {
        return new ArrayList<>(Arrays.asList(line.split(" ")));
    }
}
