package io.pyredis.core.client;

/**
 * One client class's {@code client-output-buffer-limit}: a client whose queued output
 * reaches {@code hard} bytes, or stays at or over {@code soft} bytes for more than
 * {@code softSeconds}, is closed. 0 means no limit.
 */
public record OutputLimit(long hard, long soft, long softSeconds) {

    /** No limit at all (Redis's default for normal clients). */
    public static final OutputLimit NONE = new OutputLimit(0, 0, 0);
}
