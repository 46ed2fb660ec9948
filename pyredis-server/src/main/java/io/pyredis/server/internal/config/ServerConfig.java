package io.pyredis.server.internal.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The server's own parameters, with Redis 7.0's defaults, registered in one
 * {@link ConfigRegistry}. Typed fields for the server's code; the registry for lookups by
 * name. Other parts (persistence, memory) register theirs in the same registry.
 */
public final class ServerConfig {

    /** Redis's loglevel words, least to most severe. */
    public static final List<String> LOG_LEVELS = List.of("debug", "verbose", "notice", "warning");

    public final ConfigRegistry registry = new ConfigRegistry();

    /** The JSON file the server was started from (CONFIG REWRITE writes it back; INFO config_file), or null. */
    public volatile Path configFile;

    public final ListParam bind = registry.register(
            new ListParam("bind", false, List.of("127.0.0.1", "-::1"), false));
    public final IntParam port = registry.register(new IntParam("port", false, 6379, 0, 65535));
    public final IntParam tcpBacklog = registry.register(
            new IntParam("tcp-backlog", false, 511, 0, Integer.MAX_VALUE));
    public final IntParam tcpKeepalive = registry.register(
            new IntParam("tcp-keepalive", true, 300, 0, Integer.MAX_VALUE));
    public final IntParam databases = registry.register(
            new IntParam("databases", false, 16, 1, Integer.MAX_VALUE));
    public final IntParam hz = registry.register(new IntParam("hz", true, 10, 1, 500));
    public final IntParam maxclients = registry.register(
            new IntParam("maxclients", true, 10000, 1, Integer.MAX_VALUE));
    public final IntParam timeout = registry.register(
            new IntParam("timeout", true, 0, 0, Integer.MAX_VALUE));
    public final StringParam requirepass = registry.register(new StringParam("requirepass", true, ""));
    public final BoolParam protectedMode = registry.register(new BoolParam("protected-mode", true, true));
    public final MemoryParam protoMaxBulkLen = registry.register(
            new MemoryParam("proto-max-bulk-len", true, 512L * 1024 * 1024, 1024 * 1024, Long.MAX_VALUE));
    public final MemoryParam clientQueryBufferLimit = registry.register(
            new MemoryParam("client-query-buffer-limit", true, 1024L * 1024 * 1024, 1024 * 1024, Long.MAX_VALUE));
    public final StringParam pluginsDir = registry.register(new StringParam("plugins-dir", false, "plugins"));
    public final EnumParam loglevel = registry.register(new EnumParam("loglevel", false, "notice", LOG_LEVELS));
    public final StringParam logfile = registry.register(new StringParam("logfile", false, ""));
}
