package io.pyredis.server.internal.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.pyredis.core.loop.Loop;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The network side: one acceptor thread, and ONE event loop thread that owns every client
 * channel and runs every command, as Redis's main thread does. Listens on each {@code bind}
 * address; like Redis, an address this host does not have (typically {@code ::1} without
 * IPv6) is logged and skipped, while a port already in use stops the start.
 *
 * <p>On Linux the loops are Netty's native epoll ones, level-triggered as Redis's ae loop
 * is: one {@code read} per readable socket (edge-triggered mode would read again until
 * EAGAIN), no selected-key set to walk. Elsewhere, or with {@code -Dpyredis.epoll=false},
 * or when the native library does not load, NIO.
 */
public final class Transport {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    private final boolean epoll = useEpoll();
    private final EventLoopGroup acceptor = group(epoll, "pyredis-accept");
    private final EventLoopGroup worker = group(epoll, "pyredis-main");
    private final Loop loop = new NettyLoop(worker.next());
    private final List<Channel> listeners = new ArrayList<>();
    private LoopIo io;
    private ServerBootstrap bootstrap;
    private int port;
    /** The bind and port values the listeners were opened for. */
    private List<String> boundAddresses;
    private int boundWanted;

    /** Starts the threads; {@link #bind} listens once the server is ready for clients. */
    public Transport() {
    }

    private static boolean useEpoll() {
        if (!Boolean.parseBoolean(System.getProperty("pyredis.epoll", "true"))) {
            return false;
        }
        try {
            if (Epoll.isAvailable()) {
                return true;
            }
            LOG.debug("epoll transport unavailable, using NIO", Epoll.unavailabilityCause());
        } catch (LinkageError e) {
            LOG.debug("epoll transport unavailable, using NIO", e);
        }
        return false;
    }

    private static EventLoopGroup group(boolean epoll, String threadName) {
        DefaultThreadFactory threads = new DefaultThreadFactory(threadName);
        return epoll ? new EpollEventLoopGroup(1, threads) : new NioEventLoopGroup(1, threads);
    }

    /** Whether the native epoll transport is in use (else NIO). */
    public boolean epoll() {
        return epoll;
    }

    /** The one loop of the clients and commands, as the core sees it. */
    public Loop loop() {
        return loop;
    }

    /** Binds every address, each connection served by {@code server}; returns the port listened on. */
    public int bind(ServerContext server) throws IOException {
        ServerConfig cfg = server.config();
        Class<? extends ServerChannel> channelType;
        ServerBootstrap b = new ServerBootstrap();
        if (epoll) {
            channelType = EpollServerSocketChannel.class;
            b.childOption(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
        } else {
            channelType = NioServerSocketChannel.class;
        }
        if (io == null) {
            io = new LoopIo(worker.next(), epoll);
        }
        LoopIo io = this.io;
        b.childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, io.reads())
                .group(acceptor, worker)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, Math.max(1, cfg.tcpBacklog.intValue()))
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, cfg.tcpKeepalive.intValue() > 0)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ChannelClient(server, io));
                    }
                });
        bootstrap = b;
        try {
            port = listen(cfg, listeners);
        } catch (IOException e) {
            close();
            throw e;
        }
        return port;
    }

    /**
     * Listens on the configured {@code bind} addresses and {@code port} again (CONFIG SET
     * of either, Redis's changeListenPort and changeBindAddr): the new listeners are opened
     * first and the old ones closed only once they all are, so a port in use leaves the
     * server listening where it was. Returns the port now listened on.
     */
    public int rebind(ServerConfig cfg) throws IOException {
        if (cfg.bind.value().equals(boundAddresses) && cfg.port.intValue() == boundWanted) {
            // Already so (CONFIG SET putting back the values it could not apply).
            return port;
        }
        List<Channel> fresh = new ArrayList<>();
        int p = listen(cfg, fresh);
        for (Channel ch : listeners) {
            ch.close();
        }
        listeners.clear();
        listeners.addAll(fresh);
        port = p;
        return p;
    }

    /** Opens a listener per address of {@code bind} into {@code into}; on failure closes those and throws. */
    private int listen(ServerConfig cfg, List<Channel> into) throws IOException {
        int wanted = cfg.port.intValue();
        int bound = 0;
        // Redis opens "::" with IPV6_V6ONLY beside "0.0.0.0"; Java cannot, and its "::" socket
        // takes IPv4 too. So the IPv6 wildcard is opened first, and an IPv4 address it already
        // covers is not an error (Redis's default "* -::*" then listens on both families).
        List<String> specs = new ArrayList<>(cfg.bind.value());
        specs.sort(java.util.Comparator.comparing(sp -> !(sp.equals("::*") || sp.equals("-::*"))));
        boolean dualStack = false;
        for (String spec : specs) {
            boolean optional = spec.startsWith("-");
            String host = optional ? spec.substring(1) : spec;
            if (host.equals("*")) {
                host = "0.0.0.0";
            } else if (host.equals("::*")) {
                host = "::";
            }
            int p = bound != 0 ? bound : wanted;
            try {
                Channel ch = bootstrap.bind(new InetSocketAddress(host, p)).syncUninterruptibly().channel();
                into.add(ch);
                dualStack |= host.equals("::");
                if (bound == 0) {
                    bound = ((InetSocketAddress) ch.localAddress()).getPort();
                }
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                // NIO throws a BindException, epoll its NativeIoException: both IOExceptions with strerror's text.
                boolean inUse = e instanceof IOException && why.contains("in use");
                if (inUse && dualStack && !host.contains(":")) {
                    LOG.debug("{}:{} is served by the IPv6 wildcard listener", host, p);
                    continue;
                }
                if (inUse && !(wanted == 0 && !into.isEmpty())) {
                    closeAll(into);
                    throw new IOException("Could not create server TCP listening socket " + host + ":" + p + ": " + why, e);
                }
                LOG.warn("Could not create server TCP listening socket {}:{}: {}", host, p, why);
            }
        }
        if (into.isEmpty()) {
            throw new IOException("Failed listening on port " + wanted + " (tcp), aborting: no bind address could be used");
        }
        boundAddresses = cfg.bind.value();
        boundWanted = wanted;
        return bound;
    }

    private static void closeAll(List<Channel> channels) {
        for (Channel ch : channels) {
            ch.close();
        }
        channels.clear();
    }

    /** The addresses listened on, for the startup log. */
    public List<String> addresses() {
        List<String> out = new ArrayList<>();
        for (Channel ch : listeners) {
            InetSocketAddress a = (InetSocketAddress) ch.localAddress();
            String h = a.getAddress().getHostAddress();
            out.add((h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort());
        }
        return out;
    }

    /** Closes the listeners and every client, stops the threads and waits for them (up to a few seconds). */
    public void close() {
        for (Channel ch : listeners) {
            ch.close();
        }
        listeners.clear();
        // The worker stops only once the acceptor has: a connection accepted at the last
        // moment is then registered before the worker closes its channels, not after
        // (where it would stay open, unseen).
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        acceptor.terminationFuture().addListener(f -> worker.shutdownGracefully(0, 2, TimeUnit.SECONDS));
        LoopIo buffers = io;
        if (buffers != null) {
            worker.terminationFuture().addListener(f -> buffers.release());
        }
    }

    /** Waits until both threads have stopped. */
    public void awaitTermination() {
        acceptor.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
        worker.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /** Whether the caller runs on the event loop (where it must not wait for the loop to stop). */
    public boolean inEventLoop() {
        return worker.next().inEventLoop() || acceptor.next().inEventLoop();
    }
}
