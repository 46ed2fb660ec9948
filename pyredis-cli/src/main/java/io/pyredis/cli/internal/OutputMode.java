package io.pyredis.cli.internal;

/** redis-cli's OUTPUT_STANDARD, OUTPUT_RAW and OUTPUT_CSV. */
public enum OutputMode { STANDARD, RAW, CSV }
