package io.pyredis.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * The pooled allocator, except that socket reads ({@code ioBuffer}) get heap buffers: the
 * request parser reads straight from their backing array instead of copying out of a
 * direct buffer. Replies still go out through direct buffers.
 */
final class HeapReadAllocator implements ByteBufAllocator {

    private final ByteBufAllocator d = PooledByteBufAllocator.DEFAULT;

    @Override
    public ByteBuf buffer() {
        return d.heapBuffer();
    }

    @Override
    public ByteBuf buffer(int initialCapacity) {
        return d.heapBuffer(initialCapacity);
    }

    @Override
    public ByteBuf buffer(int initialCapacity, int maxCapacity) {
        return d.heapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public ByteBuf ioBuffer() {
        return d.heapBuffer();
    }

    @Override
    public ByteBuf ioBuffer(int initialCapacity) {
        return d.heapBuffer(initialCapacity);
    }

    @Override
    public ByteBuf ioBuffer(int initialCapacity, int maxCapacity) {
        return d.heapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public ByteBuf heapBuffer() {
        return d.heapBuffer();
    }

    @Override
    public ByteBuf heapBuffer(int initialCapacity) {
        return d.heapBuffer(initialCapacity);
    }

    @Override
    public ByteBuf heapBuffer(int initialCapacity, int maxCapacity) {
        return d.heapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public ByteBuf directBuffer() {
        return d.directBuffer();
    }

    @Override
    public ByteBuf directBuffer(int initialCapacity) {
        return d.directBuffer(initialCapacity);
    }

    @Override
    public ByteBuf directBuffer(int initialCapacity, int maxCapacity) {
        return d.directBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public CompositeByteBuf compositeBuffer() {
        return d.compositeHeapBuffer();
    }

    @Override
    public CompositeByteBuf compositeBuffer(int maxNumComponents) {
        return d.compositeHeapBuffer(maxNumComponents);
    }

    @Override
    public CompositeByteBuf compositeHeapBuffer() {
        return d.compositeHeapBuffer();
    }

    @Override
    public CompositeByteBuf compositeHeapBuffer(int maxNumComponents) {
        return d.compositeHeapBuffer(maxNumComponents);
    }

    @Override
    public CompositeByteBuf compositeDirectBuffer() {
        return d.compositeDirectBuffer();
    }

    @Override
    public CompositeByteBuf compositeDirectBuffer(int maxNumComponents) {
        return d.compositeDirectBuffer(maxNumComponents);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return d.isDirectBufferPooled();
    }

    @Override
    public int calculateNewCapacity(int minNewCapacity, int maxCapacity) {
        return d.calculateNewCapacity(minNewCapacity, maxCapacity);
    }
}
