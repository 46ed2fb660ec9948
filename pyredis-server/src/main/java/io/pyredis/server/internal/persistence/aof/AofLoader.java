package io.pyredis.server.internal.persistence.aof;

import io.pyredis.core.Engine;
import io.pyredis.core.client.Client;
import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.Rdb;
import io.pyredis.storage.RdbLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the files a manifest names into the (empty) keyspace, as Redis 7.0's
 * loadAppendOnlyFiles: an RDB base with the RDB loader, commands through the call unit with
 * the loader's client (Redis's fake client, {@code CLIENT_ID_AOF}), a truncated last command
 * cut off when {@code aof-load-truncated} allows.
 */
final class AofLoader {

    private static final Logger LOG = LoggerFactory.getLogger(AofLoader.class);

    private final ServerConfig config;
    private final Engine engine;
    private final Keyspace keyspace;

    AofLoader(ServerConfig config, Engine engine) {
        this.config = config;
        this.engine = engine;
        this.keyspace = engine.keyspace();
    }

    /** Loads every file of {@code m} from {@code dir}, base first. */
    void load(Path dir, AofManifest m) throws AofException {
        List<AofManifest.Entry> files = new ArrayList<>();
        if (m.base != null) {
            files.add(m.base);
        }
        files.addAll(m.incrs);
        for (AofManifest.Entry e : files) {
            if (!Files.exists(dir.resolve(e.name()))) {
                throw new AofException("Unable to obtain the AOF file " + e.name()
                        + " length. stat: No such file or directory");
            }
        }
        keyspace.loadingStarted();
        Client fake = engine.detachedClient(Client.AOF_CLIENT_ID);
        // As Redis's fake client: a blocking command read from the file never waits.
        fake.denyBlocking(true);
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < files.size(); i++) {
                AofManifest.Entry e = files.get(i);
                boolean last = i == files.size() - 1;
                long start = System.nanoTime();
                if (e.type() == 'b') {
                    LOG.info("Reading RDB base file on AOF loading...");
                }
                loadFile(dir.resolve(e.name()), e.name(), last, fake);
                LOG.info("DB loaded from {} file {}: {} seconds", e.type() == 'b' ? "base" : "incr", e.name(),
                        String.format("%.3f", (System.nanoTime() - start) / 1e9));
            }
            LOG.info("DB loaded from append only file: {} seconds",
                    String.format("%.3f", (System.nanoTime() - t0) / 1e9));
        } finally {
            keyspace.loadingFinished();
        }
    }

    /** Loads one file; whether it is an RDB is told by its first bytes ("REDIS"), as Redis does. */
    private void loadFile(Path p, String name, boolean last, Client fake) throws AofException {
        byte[] magic = new byte[5];
        long size;
        try (InputStream in = Files.newInputStream(p)) {
            size = Files.size(p);
            int n = in.readNBytes(magic, 0, 5);
            if (n == 5 && new String(magic, StandardCharsets.US_ASCII).equals("REDIS")) {
                LOG.info("RDB is base AOF");
                try {
                    Rdb.load(keyspace, p);
                } catch (RdbLoadException ex) {
                    throw new AofException("Bad file format reading the append only file " + name + ": "
                            + ex.getMessage(), ex);
                }
                return;
            }
        } catch (IOException e) {
            throw new AofException("Fatal error: can't open the append log file " + name + " for reading: "
                    + e.getMessage(), e);
        }
        if (size == 0) {
            return;
        }
        replay(p, name, last, fake);
    }

    private void replay(Path p, String name, boolean last, Client fake) throws AofException {
        long validUpTo = 0;
        long validBeforeMulti = 0;
        boolean truncated = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 64 * 1024)) {
            AofReader r = new AofReader(in, 0);
            while (true) {
                byte[][] cmd;
                try {
                    cmd = r.next();
                } catch (AofReader.Truncated t) {
                    truncated = true;
                    break;
                } catch (AofReader.BadFormat b) {
                    throw badFormat(name, b.offset);
                }
                if (cmd == null) {
                    break;
                }
                if (!fake.inMulti() && isMulti(cmd)) {
                    validBeforeMulti = r.commandStart();
                }
                if (!engine.callUnit().load(fake, cmd)) {
                    throw new AofException("Unknown command '" + new String(cmd[0], StandardCharsets.ISO_8859_1)
                            + "' reading the append only file " + name);
                }
                fake.reply().reset();
                validUpTo = r.position();
            }
        } catch (IOException e) {
            throw new AofException("Unrecoverable error reading the append only file " + name + ": " + e.getMessage(), e);
        }
        if (!truncated && fake.inMulti()) {
            LOG.warn("Revert incomplete MULTI/EXEC transaction in AOF file {}", name);
            validUpTo = validBeforeMulti;
            truncated = true;
        }
        if (fake.inMulti()) {
            engine.discardTransaction(fake);
        }
        if (!truncated) {
            return;
        }
        if (!last || !config.aofLoadTruncated.isOn()) {
            throw new AofException("Unexpected end of file reading the append only file " + name
                    + ". You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>."
                    + " 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart"
                    + " the server.");
        }
        LOG.warn("!!! Warning: short read while loading the AOF file {}!!!", name);
        LOG.warn("!!! Truncating the AOF {} at offset {} !!!", name, validUpTo);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.truncate(validUpTo);
            ch.force(true);
        } catch (IOException e) {
            throw new AofException("Error truncating the AOF file " + name + ": " + e.getMessage(), e);
        }
        LOG.warn("AOF {} loaded anyway because aof-load-truncated is enabled", name);
    }

    private static AofException badFormat(String name, long offset) {
        return new AofException("Bad file format reading the append only file " + name + " at offset " + offset
                + ": make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>");
    }

    private static boolean isMulti(byte[][] cmd) {
        return cmd.length == 1 && new String(cmd[0], StandardCharsets.ISO_8859_1).equalsIgnoreCase("multi");
    }
}
