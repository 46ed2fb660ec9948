package io.pyredis.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * How every persistence file is put in place (RDB snapshots, AOF bases and manifests):
 * written under a temp name, fsynced, renamed over the old one, and the directory fsynced,
 * so a crash at any point leaves the old complete file or the new complete file.
 *
 * @since 0.1
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** Writes {@code content} to {@code target} through {@code temp} (same directory), crash-safely. */
    public static void write(Path temp, Path target, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        replace(temp, target);
    }

    /**
     * Puts the complete, fsynced {@code temp} in place of {@code target} atomically and
     * fsyncs the directory, so the rename itself survives a crash.
     */
    public static void replace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(target.toAbsolutePath().getParent());
    }

    /** Makes the directory's entries (a file created or renamed in it) survive a crash. */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory for fsync; its rename is atomic anyway.
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
                throw e;
            }
        }
    }
}
