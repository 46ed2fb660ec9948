package io.pyredis.dist;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import io.pyredis.testkit.RawClient;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import static io.pyredis.dist.PluginCalls.call;
import static io.pyredis.dist.PluginCalls.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PLUGIN LOAD, UNLOAD, RELOAD and RESCAN against a running server, with plugins compiled at
 * test time: a client pipelining through reloads, a plugin's values handed to its next
 * version, the old version's class loader collected, and the refusals. Run twice: with the
 * server in this JVM on the class path (a class loader per plugin) and as {@code bin/}
 * runs it, on the module path in its own process (a module layer per plugin):
 * {@link PluginReloadInProcessTest}, {@link PluginReloadModulePathTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PluginReloadContract {

    private Path plugins;
    private Path build;
    private int port;

    /** Starts a server with {@code plugins} as its plugins-dir; returns its port. */
    abstract int start(Path work, Path plugins) throws Exception;

    abstract void stop() throws Exception;

    @BeforeAll
    void startServer(@TempDir Path work) throws Exception {
        plugins = Files.createDirectory(work.resolve("plugins"));
        build = Files.createDirectory(work.resolve("build"));
        port = start(work, plugins);
    }

    @AfterAll
    void stopServer() throws Exception {
        stop();
    }

    private Jedis client() {
        return new Jedis("127.0.0.1", port, 30_000);
    }

    /** A plugin whose start() leaves a weak reference to its class loader where the test finds it. */
    private Path versioned(String module, String pack, String command, String reply) throws Exception {
        String keep = "System.getProperties().put(\"pyredis.test.loader." + pack
                + "\", new java.lang.ref.WeakReference<>(getClass().getClassLoader()));";
        return PluginJars.pack(build, Files.createTempFile(build, pack, ".jar"), module, pack,
                "SpiVersion.CURRENT", command, reply, "", keep, "");
    }

    private void install(Path jar, Path at) throws Exception {
        // As a deployment should: a new file renamed over the old, never rewritten in place.
        Path tmp = Files.createTempFile(build, "install", ".tmp");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, at, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A plugin whose command {@code GCWATCH <pack>}, run in the server, collects garbage until
     * the class loader {@code <pack>}'s start() left a weak reference to is gone (50 rounds at
     * most) and replies COLLECTED, ALIVE, or NONE when there is no such reference.
     */
    private void loadWatcher(Jedis j) throws Exception {
        String body = "if (true) { Object o = System.getProperties().get(\"pyredis.test.loader.\" + new String(args[1]));"
                + " if (!(o instanceof java.lang.ref.WeakReference<?> r)) { ctx.reply().simple(\"NONE\"); return; }"
                + " for (int i = 0; i < 50 && r.get() != null; i++) { System.gc();"
                + " try { Thread.sleep(50); } catch (InterruptedException e) { break; } }"
                + " ctx.reply().simple(r.get() == null ? \"COLLECTED\" : \"ALIVE\"); return; }";
        Path jar = PluginJars.pack(build, Files.createTempFile(build, "watch", ".jar"), "test.watch", "watch",
                "SpiVersion.CURRENT", "gcwatch", "NEVER", "", "", body);
        assertEquals("OK", call(j, "PLUGIN", "LOAD", jar.toString()));
    }

    @Test
    void aClientPipeliningThroughTwentyReloadsGetsEveryReplyFromOneVersionOrTheOther() throws Exception {
        Path v1 = versioned("test.flip", "flip", "flip", "OLD");
        Path v2 = versioned("test.flip", "flip", "flip", "NEW");
        Path at = build.resolve("flip.jar");
        install(v1, at);
        try (Jedis admin = client(); Jedis piper = client()) {
            assertEquals("OK", call(admin, "PLUGIN", "LOAD", at.toString()));
            assertEquals("OLD", call(admin, "FLIP"));
            int n = 100_000;
            PluginCalls.Pipelined load = new PluginCalls.Pipelined(piper, "FLIP", n);
            for (int i = 0; i < 20; i++) {
                install(i % 2 == 0 ? v2 : v1, at);
                assertEquals("OK", call(admin, "PLUGIN", "RELOAD", "flip"));
            }
            List<String> all = load.await();
            assertNotNull(all, "the pipeline did not finish");
            assertEquals(n, all.size());
            int old = 0;
            int fresh = 0;
            for (String s : all) {
                if (s.equals("OLD")) {
                    old++;
                } else if (s.equals("NEW")) {
                    fresh++;
                } else {
                    throw new AssertionError("a reply from neither version: " + s);
                }
            }
            assertEquals(n, old + fresh);
            assertEquals("OLD", call(admin, "FLIP"), "20 reloads end on the first version");
            assertEquals("OK", call(admin, "PLUGIN", "UNLOAD", "flip"));
        }
    }

    @Test
    void anUnloadedPluginsCommandsAreGoneAndItsClassLoaderIsCollected() throws Exception {
        Path jar = versioned("test.gone", "gone", "gone", "HERE");
        try (Jedis j = client()) {
            assertEquals("OK", call(j, "PLUGIN", "LOAD", jar.toString()));
            assertEquals("HERE", call(j, "GONE"));
            loadWatcher(j);
            assertEquals("ALIVE", call(j, "GCWATCH", "gone"), "a loaded plugin's class loader stays");
            assertEquals("OK", call(j, "PLUGIN", "UNLOAD", "gone"));
            JedisDataException e = assertThrows(JedisDataException.class, () -> call(j, "GONE"));
            assertEquals("ERR unknown command 'GONE', with args beginning with: ", e.getMessage());
            assertEquals("COLLECTED", call(j, "GCWATCH", "gone"), "the unloaded plugin's class loader is still reachable");
            assertEquals("OK", call(j, "PLUGIN", "UNLOAD", "watch"));
        }
    }

    @Test
    void valuesOfAPluginTypeAreHandedToTheNextVersionAndBlockAnUnload() throws Exception {
        Path at = build.resolve("typed.jar");
        install(PluginJars.typedPack(build, Files.createTempFile(build, "t1", ".jar"), "test.typed", "typed", "v1"), at);
        Path v2 = PluginJars.typedPack(build, Files.createTempFile(build, "t2", ".jar"), "test.typed", "typed", "v2");
        try (Jedis j = client()) {
            assertEquals("OK", call(j, "PLUGIN", "LOAD", at.toString()));
            assertEquals("OK", call(j, "TSET", "counter:a", "41"));
            assertEquals("OK", call(j, "TSET", "counter:b", "7"));
            j.expire("counter:b", 1000);
            assertEquals("v1:41", call(j, "TGET", "counter:a"));
            install(v2, at);
            assertEquals("OK", call(j, "PLUGIN", "RELOAD", "typed"));
            assertEquals("v2:41", call(j, "TGET", "counter:a"), "the value loaded in the new version's class");
            assertEquals("v2:7", call(j, "TGET", "counter:b"));
            assertTrue(j.ttl("counter:b") > 990, "the TTL stays");
            assertEquals("ReloadTy1", j.type("counter:a"));
            JedisDataException e = assertThrows(JedisDataException.class, () -> call(j, "PLUGIN", "UNLOAD", "typed"));
            assertEquals("ERR cannot unload plugin 'typed': 2 keys of its data type 'ReloadTy1' exist (delete them, "
                    + "or PLUGIN RELOAD a version that still declares the type)", e.getMessage());
            j.del("counter:a", "counter:b");
            assertEquals("OK", call(j, "PLUGIN", "UNLOAD", "typed"));
        }
    }

    @Test
    void aPluginForAnotherSpiOrClashingWithACommandIsRefusedAndNothingChanges() throws Exception {
        Path older = PluginJars.pack(build, build.resolve("older.jar"), "test.older", "older",
                "SpiVersion.CURRENT - 1", "fromthepast", "PAST");
        Path clash = PluginJars.pack(build, build.resolve("clash.jar"), "test.clash", "clash",
                "SpiVersion.CURRENT", "get", "HIJACKED");
        Path throwing = PluginJars.pack(build, build.resolve("throwing.jar"), "test.throwing", "throwing",
                "SpiVersion.CURRENT", "throwing", "NEVER", "if (true) throw new IllegalStateException(\"no\");", "", "");
        try (Jedis j = client()) {
            JedisDataException e = assertThrows(JedisDataException.class, () -> call(j, "PLUGIN", "LOAD", older.toString()));
            assertEquals("ERR pack 'older' was built for SPI version 1, this server has 2: rebuild it against this "
                    + "pyredis-api", e.getMessage());
            e = assertThrows(JedisDataException.class, () -> call(j, "PLUGIN", "LOAD", clash.toString()));
            assertEquals("ERR pack 'clash' skipped: command 'get' is already taken by pack 'strings'", e.getMessage());
            e = assertThrows(JedisDataException.class, () -> call(j, "PLUGIN", "LOAD", throwing.toString()));
            assertTrue(e.getMessage().startsWith("ERR pack test.throwing.TestPack failed: no"), e.getMessage());
            e = assertThrows(JedisDataException.class, () -> call(j, "PLUGIN", "UNLOAD", "nosuch"));
            assertEquals("ERR no such plugin 'nosuch' (PLUGIN LIST shows the loaded ones)", e.getMessage());
            e = assertThrows(JedisDataException.class, () -> call(j, "PLUGIN", "LOAD", build.resolve("none.jar").toString()));
            assertEquals("ERR no such file or folder", e.getMessage());
            j.set("k", "v");
            assertEquals("v", j.get("k"));
        }
    }

    @Test
    void rescanLoadsNewUnloadsRemovedAndReloadsChangedJars() throws Exception {
        Path a = plugins.resolve("scan.jar");
        install(versioned("test.scan", "scan", "scanme", "ONE"), a);
        try (Jedis j = client()) {
            Object r = j.sendCommand(command("PLUGIN"), "RESCAN");
            assertEquals("[loaded scan.jar: scan]", strings(r).toString());
            assertEquals("ONE", call(j, "SCANME"));
            Thread.sleep(20);
            install(versioned("test.scan", "scan", "scanme", "TWO"), a);
            assertEquals("[reloaded scan.jar: scan]", strings(j.sendCommand(command("PLUGIN"), "RESCAN")).toString());
            assertEquals("TWO", call(j, "SCANME"));
            assertEquals("[]", strings(j.sendCommand(command("PLUGIN"), "RESCAN")).toString());
            Files.delete(a);
            assertEquals("[unloaded scan.jar: scan]", strings(j.sendCommand(command("PLUGIN"), "RESCAN")).toString());
            assertThrows(JedisDataException.class, () -> call(j, "SCANME"));
        }
    }

    @Test
    void pluginListShowsEachPackAsAMap() throws Exception {
        Path jar = versioned("test.listed", "listed", "listed", "L");
        try (Jedis j = client()) {
            assertEquals("OK", call(j, "PLUGIN", "LOAD", jar.toString()));
            List<Object> list = (List<Object>) j.sendCommand(command("PLUGIN"), "LIST");
            List<String> entry = null;
            for (Object o : list) {
                List<String> s = strings(o);
                if (s.get(1).equals("listed")) {
                    entry = s;
                }
            }
            assertNotNull(entry, list.toString());
            assertEquals(List.of("name", "listed", "version", "", "origin", jar.getFileName().toString(), "path",
                    jar.toAbsolutePath().toString()), entry.subList(0, 8));
            assertEquals("commands", entry.get(8));
            assertEquals("[listed]", entry.get(9));
            assertEquals("data-types", entry.get(10));
            assertEquals("[]", entry.get(11));
            assertEquals("loaded-at", entry.get(12));
            long at = Long.parseLong(entry.get(13));
            assertTrue(Math.abs(at - System.currentTimeMillis() / 1000) < 60, entry.get(13));
            assertEquals("OK", call(j, "PLUGIN", "UNLOAD", "listed"));
        }
    }

    @Test
    void moduleListShowsThePluginsInRedisShapeAndModuleLoadAndUnloadAnswerAsRedis() throws Exception {
        Path jar = versioned("test.moduled", "moduled", "moduled", "M");
        try (Jedis j = client(); RawClient raw2 = new RawClient(port); RawClient raw3 = new RawClient(port)) {
            raw3.call("HELLO", "3");
            // What redis-server 7.0.15 answers (enable-module-command yes) for a .so that does not load
            // and for a name no module has.
            JedisDataException e = assertThrows(JedisDataException.class,
                    () -> call(j, "MODULE", "LOAD", build.resolve("nosuch.so").toString()));
            assertEquals("ERR Error loading the extension. Please check the server logs.", e.getMessage());
            e = assertThrows(JedisDataException.class, () -> call(j, "MODULE", "UNLOAD", "nosuch"));
            assertEquals("ERR Error unloading module: no such module with that name", e.getMessage());

            assertEquals("OK", call(j, "MODULE", "LOAD", jar.toString()), "a jar is loaded as PLUGIN LOAD does");
            assertEquals("M", call(j, "MODULED"));
            String path = jar.toAbsolutePath().toString();
            String body = "$4\r\nname\r\n$7\r\nmoduled\r\n$3\r\nver\r\n:0\r\n$4\r\npath\r\n$" + path.length()
                    + "\r\n" + path + "\r\n$4\r\nargs\r\n*0\r\n";
            // module.c's addReplyLoadedModules: a map of four per module, flat in RESP2.
            String two = raw2.call("MODULE", "LIST");
            String three = raw3.call("MODULE", "LIST");
            assertTrue(two.startsWith("*") && two.contains("*8\r\n" + body), two);
            assertTrue(three.startsWith("*") && three.contains("%4\r\n" + body), three);
            assertTrue(j.moduleList().stream().anyMatch(m -> m.getName().equals("moduled") && m.getVersion() == 0),
                    "Jedis's MODULE LIST sees the plugin");

            assertEquals("OK", call(j, "MODULE", "UNLOAD", "moduled"));
            assertThrows(JedisDataException.class, () -> call(j, "MODULED"));
        }
    }

    private static List<String> strings(Object r) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) r) {
            out.add(o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                    : o instanceof List<?> l ? strings(l).toString() : String.valueOf(o));
        }
        return out;
    }
}
