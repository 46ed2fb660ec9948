package io.pyredis.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;

/**
 * How client channels get their read buffers: every socket read of the loop goes into the
 * one buffer given, emptied, instead of a pooled buffer allocated and released per read.
 * The connection parses each read before returning, and the buffer is an unreleasable
 * wrapper, so handing it out again is safe. Only the event loop's own channels use it,
 * all on the loop thread.
 */
final class SharedReadBuffer extends DefaultMaxMessagesRecvByteBufAllocator {

    private final ByteBuf shared;

    SharedReadBuffer(ByteBuf shared) {
        super(16);
        this.shared = shared;
    }

    @Override
    public Handle newHandle() {
        return new MaxMessageHandle() {
            @Override
            public ByteBuf allocate(ByteBufAllocator alloc) {
                return shared.clear();
            }

            @Override
            public int guess() {
                return shared.capacity();
            }
        };
    }
}
