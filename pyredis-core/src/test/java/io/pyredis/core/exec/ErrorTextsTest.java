package io.pyredis.core.exec;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Error texts for unknown commands, compared with what redis-server 7.0.15 sends for the same requests. */
class ErrorTextsTest {

    private static byte[][] args(String... a) {
        byte[][] r = new byte[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return r;
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void argumentsAreQuotedUpTo128Bytes() {
        assertEquals("-ERR unknown command 'foo', with args beginning with: '" + "x".repeat(128) + "' \r\n",
                s(CallUnit.unknownCommand(args("foo", "x".repeat(200), "y"))));
        assertEquals("-ERR unknown command 'foo', with args beginning with: '" + "a".repeat(100) + "' '"
                + "b".repeat(25) + "' \r\n",
                s(CallUnit.unknownCommand(args("foo", "a".repeat(100), "b".repeat(50), "c"))));
        assertEquals("-ERR unknown command '" + "f".repeat(128) + "', with args beginning with: \r\n",
                s(CallUnit.unknownCommand(args("f".repeat(200)))));
    }

    @Test
    void nulEndsAQuoteAndNewlinesBecomeSpaces() {
        assertEquals("-ERR unknown command 'foo', with args beginning with: 'a' 'c  d' \r\n",
                s(CallUnit.unknownCommand(args("foo", "a\0b", "c\r\nd"))));
    }

    @Test
    void unknownSubcommandNamesTheContainerInUpperCase() {
        assertEquals("-ERR unknown subcommand 'bad'. Try CONFIG HELP.\r\n",
                s(CallUnit.unknownSubcommand(args("cOnfig", "bad"))));
        assertEquals("-ERR unknown subcommand '" + "x".repeat(128) + "'. Try CONFIG HELP.\r\n",
                s(CallUnit.unknownSubcommand(args("config", "x".repeat(200)))));
    }
}
