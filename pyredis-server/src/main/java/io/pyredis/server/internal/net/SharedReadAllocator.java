package io.pyredis.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;

/**
 * The pooled allocator, except that socket reads ({@code ioBuffer}) on the event loop get
 * the loop's one read buffer, emptied, whatever size was asked: the transport reads into
 * it, the connection parses it before returning, and its release is a no-op (it is an
 * unreleasable wrapper). Anything else, and any call from another thread, is pooled.
 */
final class SharedReadAllocator implements ByteBufAllocator {

    private final ByteBufAllocator d = PooledByteBufAllocator.DEFAULT;
    private final EventLoop loop;
    private final ByteBuf shared;

    SharedReadAllocator(EventLoop loop, ByteBuf shared) {
        this.loop = loop;
        this.shared = shared;
    }

    @Override
    public ByteBuf ioBuffer() {
        return loop.inEventLoop() ? shared.clear() : d.ioBuffer();
    }

    @Override
    public ByteBuf ioBuffer(int initialCapacity) {
        return loop.inEventLoop() ? shared.clear() : d.ioBuffer(initialCapacity);
    }

    @Override
    public ByteBuf ioBuffer(int initialCapacity, int maxCapacity) {
        return loop.inEventLoop() ? shared.clear() : d.ioBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public ByteBuf buffer() {
        return d.buffer();
    }

    @Override
    public ByteBuf buffer(int initialCapacity) {
        return d.buffer(initialCapacity);
    }

    @Override
    public ByteBuf buffer(int initialCapacity, int maxCapacity) {
        return d.buffer(initialCapacity, maxCapacity);
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
        return d.compositeBuffer();
    }

    @Override
    public CompositeByteBuf compositeBuffer(int maxNumComponents) {
        return d.compositeBuffer(maxNumComponents);
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
