package io.pyredis.storage;

import java.nio.file.Path;

/**
 * An RDB file that cannot be loaded: corrupt, truncated, or holding what pyredis cannot
 * store. The message names the file and the byte offset of the problem.
 *
 * @since 0.1
 */
public final class RdbLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    public RdbLoadException(Path file, long offset, String reason) {
        super("Bad RDB file " + file + " at offset " + offset + ": " + reason);
        this.file = file;
        this.offset = offset;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The offset of the offending byte. */
    public long offset() {
        return offset;
    }
}
