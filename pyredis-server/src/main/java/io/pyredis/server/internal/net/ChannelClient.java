package io.pyredis.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.pyredis.core.Engine;
import io.pyredis.core.client.Client;
import io.pyredis.core.client.ClientOutput;
import io.pyredis.server.internal.ServerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The Netty handler of one client channel: it only moves bytes. Reads go to the
 * {@link Client} (which parses and runs them), the client's replies come back through this
 * {@link ClientOutput}; on the epoll transport straight from the client's reply array to the
 * socket ({@link LoopIo#writeNow}) when nothing is queued before them. Accepting a
 * connection applies the server's admission rules (maxclients, protected mode) before a
 * client exists. Everything here runs on the server's single event loop.
 */
public final class ChannelClient extends ChannelInboundHandlerAdapter implements ClientOutput {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelClient.class);

    private static final byte[] MAX_CLIENTS = "-ERR max number of clients reached\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DENIED = ("-DENIED Redis is running in protected mode because protected "
            + "mode is enabled and no password is set for the default user. "
            + "In this mode connections are only accepted from the loopback interface. "
            + "If you want to connect from external computers to Redis you "
            + "may adopt one of the following solutions: "
            + "1) Just disable protected mode sending the command "
            + "'CONFIG SET protected-mode no' from the loopback interface "
            + "by connecting to Redis from the same host the server is "
            + "running, however MAKE SURE Redis is not publicly accessible "
            + "from internet if you do so. Use CONFIG REWRITE to make this "
            + "change permanent. "
            + "2) Alternatively you can just disable the protected mode by "
            + "editing the Redis configuration file, and setting the protected "
            + "mode option to 'no', and then restarting the server. "
            + "3) If you started the server manually just for testing, restart "
            + "it with the '--protected-mode no' option. "
            + "4) Setup a an authentication password for the default user. "
            + "NOTE: You only need to do one of the above things in order for "
            + "the server to start accepting connections from the outside.\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerContext server;
    private final Engine engine;
    private final LoopIo io;
    private Channel channel;
    private Client client;

    ChannelClient(ServerContext server, LoopIo io) {
        this.server = server;
        this.engine = server.engine();
        this.io = io;
    }

    // ---- ClientOutput ------------------------------------------------------------------

    @Override
    public boolean write(byte[] b, int off, int len) {
        int done = io.writeNow(channel, b, off, len);
        if (done == len) {
            return false;
        }
        ByteBuf out = channel.alloc().directBuffer(len - done);
        out.writeBytes(b, off + done, len - done);
        channel.writeAndFlush(out, channel.voidPromise());
        return true;
    }

    @Override
    public long queuedBytes() {
        ChannelOutboundBuffer queued = channel.unsafe().outboundBuffer();
        return queued == null ? 0 : queued.totalPendingWriteBytes();
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public void closeAfterWrites() {
        channel.writeAndFlush(channel.alloc().buffer(0)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public boolean isLocal() {
        return isLoopback(channel.remoteAddress());
    }

    // ---- Netty ----------------------------------------------------------------------

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        if (engine.clients().size() >= server.config().maxclients.intValue()) {
            engine.stats().rejectedConnections++;
            rejectAndClose(MAX_CLIENTS);
            return;
        }
        engine.stats().totalConnectionsReceived++;
        boolean noPassword = engine.acl().defaultUser().nopass();
        if (server.config().protectedMode.isOn() && noPassword && !isLoopback(channel.remoteAddress())) {
            engine.stats().rejectedConnections++;
            rejectAndClose(DENIED);
            return;
        }
        client = engine.connect(this, address(channel.remoteAddress()), address(channel.localAddress()));
        ctx.fireChannelActive();
    }

    private void rejectAndClose(byte[] message) {
        engine.stats().totalNetOutputBytes += message.length;
        channel.writeAndFlush(channel.alloc().directBuffer(message.length).writeBytes(message))
                .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (client != null) {
            engine.disconnected(client);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (client == null || client.isClosing()) {
                return;
            }
            int len = buf.readableBytes();
            if (buf.hasArray()) {
                client.feed(buf.array(), buf.arrayOffset() + buf.readerIndex(), len);
            } else {
                byte[] scratch = io.scratch();
                int from = buf.readerIndex();
                while (len > 0 && !client.isClosing()) {
                    int n = Math.min(len, scratch.length);
                    buf.getBytes(from, scratch, 0, n);
                    client.feed(scratch, 0, n);
                    from += n;
                    len -= n;
                }
            }
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (client != null && !client.isClosing()) {
            client.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // A client that sends faster than it reads its replies is read no further until
        // the socket drains, instead of piling replies up in memory.
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String who = client == null ? "?" : client.remoteAddress();
        if (cause instanceof IOException) {
            LOG.debug("Client {} closed: {}", who, cause.toString());
        } else {
            LOG.warn("Closing client {} after an unexpected error", who, cause);
        }
        ctx.close();
    }

    private static boolean isLoopback(SocketAddress a) {
        return !(a instanceof InetSocketAddress) || ((InetSocketAddress) a).getAddress() == null
                || ((InetSocketAddress) a).getAddress().isLoopbackAddress();
    }

    private static String address(SocketAddress a) {
        if (a instanceof InetSocketAddress) {
            InetSocketAddress i = (InetSocketAddress) a;
            String host = i.getAddress() == null ? i.getHostString() : i.getAddress().getHostAddress();
            int pct = host.indexOf('%');
            if (pct >= 0) {
                host = host.substring(0, pct);
            }
            // Redis's anetFormatAddr: IPv6 addresses in brackets.
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + i.getPort();
        }
        return String.valueOf(a);
    }
}
