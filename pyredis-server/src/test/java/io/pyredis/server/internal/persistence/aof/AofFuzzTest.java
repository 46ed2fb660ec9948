package io.pyredis.server.internal.persistence.aof;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Coverage-guided fuzz targets (Jazzer) for what reads an AOF: the command reader and the
 * manifest parser. The only acceptable outcomes are commands, a clean end, or the reader's
 * own {@link AofReader.Truncated} / {@link AofReader.BadFormat} (with an offset inside the
 * file) and the manifest's {@link AofException}; anything else is a finding.
 *
 * <p>{@code mvn verify} runs them in regression mode over the seeds in
 * {@code src/test/resources/io/pyredis/server/internal/persistence/aof/AofFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes one of them (see README.md, Testing).
 */
class AofFuzzTest {

    /** An AOF file (or an incr file of a multi-part AOF), read to its end. */
    @FuzzTest(maxDuration = "5m")
    void aofFile(byte[] file) throws IOException {
        AofReader r = new AofReader(new ByteArrayInputStream(file), 0);
        long last = 0;
        try {
            byte[][] cmd;
            while ((cmd = r.next()) != null) {
                assertTrue(cmd.length >= 1);
                assertTrue(r.commandStart() >= last && r.position() > r.commandStart() && r.position() <= file.length);
                last = r.position();
            }
            assertEquals(file.length, r.position(), "a clean end is the end of the file");
        } catch (AofReader.Truncated e) {
            assertTrue(r.position() <= file.length);
        } catch (AofReader.BadFormat e) {
            assertTrue(e.offset >= last && e.offset < file.length, e.getMessage());
        }
    }

    /** A manifest file. */
    @FuzzTest(maxDuration = "5m")
    void manifest(byte[] text) {
        try {
            AofManifest m = AofManifest.parse(text);
            assertTrue(m.base != null || !m.incrs.isEmpty());
            // What parses is written back in a form that parses to the same files.
            AofManifest again = AofManifest.parse(m.format());
            assertEquals(m.base, again.base);
            assertEquals(m.incrs, again.incrs);
        } catch (AofException e) {
            assertNotNull(e.getMessage());
        }
    }
}
