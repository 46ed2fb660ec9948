package io.pyredis.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;

import java.io.IOException;

/**
 * The I/O buffers of the one event loop, shared by all its connections as Redis's main
 * thread shares its read buffer: every socket read lands in the same buffer (no pooled
 * allocation and release per read), is copied into the same scratch array for the parser
 * (which keeps copies of what it needs), and on the epoll transport replies go to the
 * socket straight from the connection's reply array, through one native buffer, without
 * a trip through Netty's outbound pipeline when nothing is queued there before them.
 *
 * <p>Sharing is safe because all of it is used on the loop thread only, and each read is
 * consumed before the next one starts: {@code Connection.channelRead} parses it all before
 * it returns.
 */
public final class LoopIo {

    /** One socket read at most; Redis reads 16 KB (PROTO_IOBUF_LEN), more saves calls on big pipelines. */
    static final int READ_BYTES = 64 * 1024;
    /** Replies are copied to the socket through a native buffer of this size. */
    private static final int WRITE_BYTES = 64 * 1024;

    private final EventLoop loop;
    private final ByteBuf readBuf;
    private final RecvByteBufAllocator reads;
    private final byte[] scratch = new byte[READ_BYTES];
    /** Native memory for direct socket writes; null when the transport is not epoll. */
    private final ByteBuf writeBuf;
    private final long writeAddress;

    LoopIo(EventLoop loop, boolean epoll) {
        this.loop = loop;
        PooledByteBufAllocator pooled = PooledByteBufAllocator.DEFAULT;
        // The epoll transport reads into native memory only; NIO reads a heap buffer
        // without copying, so the parser can read its array.
        ByteBuf read = epoll ? pooled.directBuffer(READ_BYTES, READ_BYTES) : pooled.heapBuffer(READ_BYTES, READ_BYTES);
        this.readBuf = read;
        this.reads = new SharedReadBuffer(Unpooled.unreleasableBuffer(read));
        ByteBuf w = epoll ? pooled.directBuffer(WRITE_BYTES, WRITE_BYTES) : null;
        if (w != null && !w.hasMemoryAddress()) {
            w.release();
            w = null;
        }
        this.writeBuf = w;
        this.writeAddress = w == null ? 0 : w.memoryAddress();
    }

    /** Returns the buffers to the pool, once the loop has stopped. */
    void release() {
        readBuf.release();
        if (writeBuf != null) {
            writeBuf.release();
        }
    }

    /** The read buffer allocator of client channels: every read gets the shared read buffer. */
    RecvByteBufAllocator reads() {
        return reads;
    }

    /** A scratch array for copying a read out of native memory; valid until the next read. */
    public byte[] scratch() {
        return scratch;
    }

    /**
     * Writes {@code b[off, off+len)} to {@code ch}'s socket now, when the channel has
     * nothing queued before it; returns how many bytes went out (0 when this could not
     * write directly, or the socket was full or failed: the caller queues the rest through
     * the channel as usual, where a failure closes it the usual way).
     */
    public int writeNow(Channel ch, byte[] b, int off, int len) {
        if (writeBuf == null || !(ch instanceof UnixChannel) || !loop.inEventLoop()) {
            return 0;
        }
        // The fd may be closed (and its number reused) once the channel is not open.
        if (!ch.isOpen()) {
            return 0;
        }
        ChannelOutboundBuffer queued = ch.unsafe().outboundBuffer();
        if (queued == null || queued.totalPendingWriteBytes() != 0) {
            return 0;
        }
        FileDescriptor fd = ((UnixChannel) ch).fd();
        if (!(fd instanceof Socket)) {
            return 0;
        }
        Socket socket = (Socket) fd;
        int done = 0;
        try {
            while (done < len) {
                int n = Math.min(len - done, WRITE_BYTES);
                writeBuf.setBytes(0, b, off + done, n);
                int sent = socket.sendAddress(writeAddress, 0, n);
                done += sent;
                if (sent < n) {
                    break;
                }
            }
        } catch (IOException e) {
            // Leave the rest to the channel: its write fails the same way and closes it.
        }
        return done;
    }
}
