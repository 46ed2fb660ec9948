package io.pyredis.commands.scripting.lib;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input: whatever bytes a script hands cjson.decode, cmsgpack.unpack or struct.unpack,
 * the answer is a value or a Lua error (which a script can pcall), never a Java exception.
 */
class LuaLibsFuzzTest {

    private static final String[] ALPHABET = {"[", "]", "{", "}", ",", ":", "\"", "\\", "u", "d8", "dc", "0", "1", "-", "+", ".",
            "e", "x", "n", "null", "true", "f", "inf", "nan", " ", "\0", "\u00ff"};

    @Test
    void decodersAnswerValuesOrLuaErrors() {
        Globals g = JsePlatform.standardGlobals();
        LuaLibs.install(g);
        LuaValue decode = g.get("cjson").get("decode");
        LuaValue unpack = g.get("cmsgpack").get("unpack");
        LuaValue unpackLimit = g.get("cmsgpack").get("unpack_limit");
        LuaValue structUnpack = g.get("struct").get("unpack");
        Random r = new Random(7015);
        // [values, Lua errors]: any other exception fails the test as it escapes
        int[] outcomes = new int[2];
        for (int i = 0; i < 20_000; i++) {
            StringBuilder json = new StringBuilder();
            for (int n = r.nextInt(12); n > 0; n--) {
                json.append(ALPHABET[r.nextInt(ALPHABET.length)]);
            }
            byte[] bytes = new byte[r.nextInt(24)];
            r.nextBytes(bytes);
            String format = "bBhHiIlLTfdxsc0c3!4<> ".charAt(r.nextInt(22)) + "" + "bBhHiIlLTfdxsc0c3!4<> ".charAt(r.nextInt(22));
            answer(outcomes, () -> decode.call(LuaValue.valueOf(json.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
            answer(outcomes, () -> unpack.call(LuaValue.valueOf(bytes)));
            answer(outcomes, () -> unpackLimit.call(LuaValue.valueOf(bytes), LuaValue.valueOf(r.nextInt(3)), LuaValue.valueOf(r.nextInt(30) - 2)));
            answer(outcomes, () -> structUnpack.call(LuaValue.valueOf(format), LuaValue.valueOf(bytes), LuaValue.valueOf(r.nextInt(30) - 2)));
        }
        // the inputs reach both outcomes of each decoder, not only its first check
        assertTrue(outcomes[0] > 10_000 && outcomes[1] > 10_000, outcomes[0] + " values, " + outcomes[1] + " errors");
    }

    private static void answer(int[] outcomes, Runnable call) {
        try {
            call.run();
            outcomes[0]++;
        } catch (LuaError expected) {
            // a script's pcall gets it
            outcomes[1]++;
        }
    }
}
