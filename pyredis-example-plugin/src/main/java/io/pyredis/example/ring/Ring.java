package io.pyredis.example.ring;

import io.pyredis.api.DataType;
import io.pyredis.api.RedisValue;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A ring buffer: the last {@code capacity} elements pushed, oldest first. The value of
 * the plugin's own data type, {@link RingType}.
 */
final class Ring implements RedisValue {

    /** The largest capacity: enough for any use, and an int index in every case. */
    static final long MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private long capacity;
    private final ArrayDeque<byte[]> elements = new ArrayDeque<>();

    Ring(long capacity) {
        this.capacity = capacity;
    }

    long capacity() {
        return capacity;
    }

    int size() {
        return elements.size();
    }

    /** Sets the capacity, dropping the oldest elements that no longer fit. */
    void capacity(long capacity) {
        this.capacity = capacity;
        trim();
    }

    /** Appends {@code e} (kept, not copied), dropping the oldest element when full. */
    void push(byte[] e) {
        elements.addLast(e);
        trim();
    }

    private void trim() {
        while (elements.size() > capacity) {
            elements.removeFirst();
        }
    }

    /** Oldest first. */
    Iterator<byte[]> iterator() {
        return elements.iterator();
    }

    @Override
    public DataType type() {
        return RingType.INSTANCE;
    }

    /** Redis replies {@code raw} to OBJECT ENCODING for every module value. */
    @Override
    public String encoding() {
        return "raw";
    }

    /** COPY: the elements are never changed in place, so the copy may share them. */
    @Override
    public RedisValue copy() {
        Ring r = new Ring(capacity);
        r.elements.addAll(elements);
        return r;
    }
}
