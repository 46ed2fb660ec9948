package io.pyredis.api;

/** A {@link RedisString} whose encoding was fixed by the command that made it, not by its content. */
record EncodedString(byte[] bytes, String encoding) implements RedisString {
}
