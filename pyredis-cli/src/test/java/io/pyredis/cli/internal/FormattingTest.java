package io.pyredis.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Formatting and argument splitting without a server (expectations taken from redis-cli 7.0.15). */
class FormattingTest {

    private static Reply parse(String resp) throws Exception {
        return new RespReader(new ByteArrayInputStream(resp.getBytes(StandardCharsets.ISO_8859_1))).read();
    }

    private static String tty(String resp) throws Exception {
        return new String(ReplyFormatter.format(parse(resp), OutputMode.STANDARD, new byte[] {'\n'}, new byte[] {'\n'}),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void nestedArraysAlignTheirNumbers() throws Exception {
        StringBuilder r = new StringBuilder("*2\r\n*10\r\n");
        for (int i = 0; i < 9; i++) r.append(":").append(i).append("\r\n");
        r.append("*2\r\n+a\r\n$1\r\nb\r\n*0\r\n");
        assertEquals("1)  1) (integer) 0\n    2) (integer) 1\n    3) (integer) 2\n    4) (integer) 3\n"
                + "    5) (integer) 4\n    6) (integer) 5\n    7) (integer) 6\n    8) (integer) 7\n"
                + "    9) (integer) 8\n   10) 1) a\n       2) \"b\"\n2) (empty array)\n", tty(r.toString()));
    }

    @Test
    void resp3Types() throws Exception {
        assertEquals("1# \"k\" => \n   1~ (double) 1.5\n   2~ (true)\n2# \"e\" => (empty hash)\n",
                tty("%2\r\n$1\r\nk\r\n~2\r\n,1.5\r\n#t\r\n$1\r\ne\r\n%0\r\n"));
        assertEquals("(nil)\n", tty("_\r\n"));
        assertEquals("hello\nworld\n", tty("=15\r\ntxt:hello\nworld\r\n"));
        assertEquals("(error) ERR bad\n", tty("!7\r\nERR bad\r\n"));
    }

    @Test
    void binaryStringsAreEscapedLikeSdscatrepr() {
        byte[] data = {'a', 1, '\r', '\n', '\t', 7, '\b', '"', '\\', (byte) 0xff, ' ', '~'};
        assertEquals("\"a\\x01\\r\\n\\t\\a\\b\\\"\\\\\\xff ~\"", ReplyFormatter.repr(data));
    }

    @Test
    void splitsLikeSdssplitargs() {
        List<byte[]> a = ArgSplitter.split("set \"a\\x41\\n\\\"b\" 'it\\'s' plain\"quoted part\"".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("set", "aA\n\"b", "it's", "plainquoted part"), Cli.strings(a));
        assertNull(ArgSplitter.split("set \"a".getBytes(StandardCharsets.UTF_8)));
        assertNull(ArgSplitter.split("set 'a".getBytes(StandardCharsets.UTF_8)));
        assertNull(ArgSplitter.split("get \"a\"b".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), Cli.strings(ArgSplitter.split("   ".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void hintsDropTypedArgumentsUntilTheFirstOptionalOne() {
        CommandDocs docs = new CommandDocs(List.of(
                new CommandDocs.Entry("SET", "key value [NX|XX] [GET]", "", "", "string"),
                new CommandDocs.Entry("CONFIG GET", "parameter [parameter ...]", "", "", "server")));
        assertEquals(" key value [NX|XX] [GET]", docs.hint(List.of("set"), false));
        assertEquals("key value [NX|XX] [GET]", docs.hint(List.of("set"), true));
        assertEquals("value [NX|XX] [GET]", docs.hint(List.of("set", "k"), true));
        assertEquals("[NX|XX] [GET]", docs.hint(List.of("set", "k", "v"), true));
        assertEquals(" parameter [parameter ...]", docs.hint(List.of("config", "get"), false));
    }
}
