package io.pyredis.storage;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.internal.rdb.Crc64;
import io.pyredis.storage.internal.rdb.RdbException;
import io.pyredis.storage.internal.rdb.RdbReader;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Coverage-guided fuzz targets (Jazzer) for everything that decodes RDB bytes: whole files
 * and RESTORE payloads, as given and with a correct checksum put in so that mutations reach
 * the value decoders (listpack, ziplist, intset, quicklist, LZF, module types). The only
 * acceptable outcomes are a load, an {@link RdbLoadException} naming the file and an offset
 * in it, or RESTORE's two error replies; anything else (a runtime exception, even one the
 * loaders' safety nets turn into an error, an error, a hang, an allocation out of proportion
 * to the input) is a finding.
 *
 * <p>{@code mvn verify} runs each target in regression mode over its seeds and past
 * findings in {@code src/test/resources/io/pyredis/storage/RdbFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes one of them (see README.md, Testing).
 */
class RdbFuzzTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final Path NAME = Path.of("fuzz.rdb");
    /** A plugin type, so that module values get decoded rather than refused at once. */
    private static final ModuleTypes TYPES = ModuleTypes.of(List.of(new ModuleTypeRdbTest.RecType("TestType1", 3)));
    private static final EncodingLimits LIMITS = new EncodingLimits();

    /** A whole RDB file as it is on disk. */
    @FuzzTest(maxDuration = "5m")
    void rdbFile(byte[] file) {
        load(file);
    }

    /** An RDB file up to and including its EOF opcode; the CRC64 of it is appended. */
    @FuzzTest(maxDuration = "5m")
    void rdbWithChecksum(byte[] body) {
        load(withCrc(body));
    }

    /** A RESTORE payload as a client sends it. */
    @FuzzTest(maxDuration = "5m")
    void restorePayload(byte[] payload) {
        restore(payload);
    }

    /** A RESTORE payload's value bytes; the version and CRC64 footer are appended. */
    @FuzzTest(maxDuration = "5m")
    void restoreWithFooter(byte[] body) {
        restore(withFooter(body));
    }

    // ------------------------------------------------------------ checks

    private static void load(byte[] file) {
        Keyspace ks = new Keyspace(16, new ManualClock(NOW));
        ks.moduleTypes(TYPES);
        long before = allocated();
        try {
            Rdb.load(ks, new ByteArrayInputStream(file), file.length, NAME);
        } catch (RdbLoadException e) {
            if (e.getCause() != null) {
                // The loader's safety net caught something no decoder should throw.
                throw new AssertionError(e.getMessage(), e.getCause());
            }
            assertEquals(NAME, e.file());
            assertTrue(e.offset() >= 0 && e.offset() <= file.length, e.getMessage());
        }
        checkAllocation(before, file.length);
    }

    private static void restore(byte[] payload) {
        long before = allocated();
        // RESTORE's decoding without the safety net of Rdb.restore, which turns any runtime
        // exception into "Bad data format": the fuzzer must see those.
        boolean decodes = false;
        if (Rdb.verifyDumpPayload(payload)) {
            int bodyLen = payload.length - 10;
            RdbReader r = new RdbReader(new ByteArrayInputStream(payload, 0, bodyLen), bodyLen, LIMITS, TYPES);
            try {
                int type = r.readByte();
                if (RdbReader.isObjectType(type)) {
                    RedisValue v = r.readObject(type);
                    decodes = v != null && r.remaining() == 0;
                }
            } catch (RdbException e) {
                assertTrue(e.offset() >= 0 && e.offset() <= bodyLen, e.getMessage());
            }
        }
        try {
            assertNotNull(Rdb.restore(payload, LIMITS, TYPES));
            assertTrue(decodes, "restored what does not decode");
        } catch (RedisError e) {
            String msg = e.getMessage();
            if (!msg.equals("ERR Bad data format") && !msg.equals("ERR DUMP payload version or checksum are wrong")) {
                throw new AssertionError("unexpected RESTORE error: " + msg, e);
            }
            assertFalse(decodes, msg);
        }
        checkAllocation(before, payload.length);
    }

    // ------------------------------------------------------------ helpers

    static byte[] withCrc(byte[] body) {
        byte[] f = Arrays.copyOf(body, body.length + 8);
        putLe(f, body.length, Crc64.update(0, body, 0, body.length), 8);
        return f;
    }

    static byte[] withFooter(byte[] body) {
        byte[] p = Arrays.copyOf(body, body.length + 10);
        putLe(p, body.length, Rdb.RDB_VERSION, 2);
        putLe(p, body.length + 2, Crc64.update(0, p, 0, body.length + 2), 8);
        return p;
    }

    private static void putLe(byte[] b, int at, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static final com.sun.management.ThreadMXBean MX = threadBean();

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx instanceof com.sun.management.ThreadMXBean) {
            com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
            if (bean.isThreadAllocatedMemorySupported()) {
                bean.setThreadAllocatedMemoryEnabled(true);
                return bean;
            }
        }
        return null;
    }

    private static long allocated() {
        classesBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        return MX == null ? 0 : MX.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long classesBefore;

    /**
     * What a load may allocate: a fixed allowance (buffers, the keyspace) plus a multiple of
     * the input that covers its most expansive legitimate form, LZF strings (up to 264
     * bytes out per 3 in) decoded into many small entries. An allocation sized by a declared
     * length rather than by the bytes present blows through it.
     */
    private static void checkAllocation(long before, int inputLength) {
        if (MX == null || ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() != classesBefore) {
            // Loading (and instrumenting) classes allocates on this thread too.
            return;
        }
        long used = allocated() - before;
        long allowed = (32L << 20) + 16_384L * inputLength;
        assertTrue(used <= allowed, "allocated " + used + " bytes for an input of " + inputLength);
    }
}
