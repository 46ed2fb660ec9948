package io.pyredis.storage;

import io.pyredis.api.RedisString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A pyredis RDB holding plugin-type values against Debian's Redis 7.0.15 (skipped when
 * not installed): redis-check-rdb walks the module values by their opcodes
 * (rdbLoadCheckModuleValue) and finds the file sound, and redis-server, which has no
 * such module, refuses to start naming the module type.
 */
class ModuleTypeRedisCompatTest {

    private static final int PORT = 9301;

    @TempDir
    Path dir;

    private static boolean onPath(String cmd) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(p, cmd))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new String(out, StandardCharsets.UTF_8) + "\nexit " + p.exitValue();
    }

    @Test
    void redisChecksTheFileAndRefusesToLoadItWithoutTheModule() throws Exception {
        assumeTrue(onPath("redis-server") && onPath("redis-check-rdb"), "Debian's redis-server is not installed");
        Keyspace ks = new Keyspace(16, Clock.system());
        ks.moduleTypes(ModuleTypes.of(List.of(ModuleTypeRdbTest.RecType.INSTANCE)));
        ks.db(0).set("plain".getBytes(), RedisString.of("v"));
        ks.db(0).set("rec".getBytes(), new ModuleTypeRdbTest.Rec(-1, Long.MIN_VALUE, 1.5, 2.5f, "hi".getBytes(),
                List.of("x".repeat(200).getBytes(), "42".getBytes())));
        ks.db(4).set("rec2".getBytes(), new ModuleTypeRdbTest.Rec(7, 7, 0, 0, new byte[0], List.of()));
        Path file = dir.resolve("dump.rdb");
        Rdb.save(ks, file, true, true);
        String check = run("redis-check-rdb", file.toString());
        assertTrue(check.contains("RDB looks OK!") && check.contains("3 keys read"), check);

        String out = run("redis-server", "--port", Integer.toString(PORT), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no", "--daemonize", "no");
        try {
            assertTrue(out.contains("The RDB file contains module data I can't load: no matching module type 'TestType1'"),
                    out);
            // It then runs its RDB check (which passes) and exits, never serving.
            assertFalse(out.contains("Ready to accept connections"), out);
        } finally {
            // Should it have started after all, do not leave it running.
            run("redis-cli", "-p", Integer.toString(PORT), "shutdown", "nosave");
        }
    }
}
