package io.pyredis.api;

/** The plain {@link RedisString}: the bytes and nothing else. */
record StringValue(byte[] bytes) implements RedisString {
}
