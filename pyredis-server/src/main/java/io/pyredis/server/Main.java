package io.pyredis.server;

import io.pyredis.server.internal.config.ConfigException;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pyredis-server [--config FILE] [--<key> <value> ...]}: runs a server until SIGTERM
 * or SIGINT. Without {@code --config}, {@code config/pyredis.json} is read when it exists.
 * {@code --port 6380}-style options override the file, as redis-server's do; a value may
 * span several words ({@code --bind 127.0.0.1 ::1}) up to the next {@code --} option.
 *
 * <p>Exit codes: 0 after a clean shutdown, 1 for a bad config, a port that cannot be
 * listened on, or a fatal error while running (an AOF write that failed with
 * {@code appendfsync always}, as redis-server).
 */
public final class Main {

    static final Path DEFAULT_CONFIG = Path.of("config", "pyredis.json");

    private static final String USAGE = "Usage: pyredis-server [--config FILE] [--<key> <value> ...]\n"
            + "       pyredis-server --port 6380 --requirepass secret\n"
            + "       pyredis-server -v | --version\n"
            + "       pyredis-server -h | --help\n"
            + "Keys are named as in redis.conf; see config/README.md.";

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Parses, configures logging, starts; returns an exit code (0 = running or done). */
    static int run(String[] args) {
        PyRedisServer.Builder builder;
        try {
            builder = parse(args);
        } catch (UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            return e.code;
        }
        PyRedisServer server;
        try {
            server = builder.build();
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        LogSetup.apply(server.config("loglevel"), server.config("logfile"));
        try {
            server.start();
        } catch (UncheckedIOException e) {
            org.slf4j.LoggerFactory.getLogger(Main.class).error("{}", e.getMessage());
            return 1;
        }
        // The JVM exits on its own once the server's threads end (after SHUTDOWN, too), with
        // status 0; after a fatal error, with redis-server's 1.
        server.stopped().thenAccept(status -> {
            if (status != 0) {
                new Thread(() -> System.exit(status), "pyredis-exit").start();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!server.isClosed()) {
                org.slf4j.LoggerFactory.getLogger(Main.class).info("Received shutdown signal, shutting down");
                server.shutdownOnSignal();
            }
        }, "pyredis-shutdown"));
        return 0;
    }

    static PyRedisServer.Builder parse(String[] args) throws UsageException {
        PyRedisServer.Builder b = PyRedisServer.builder().overrideSource("the command line").redisSaveDefault();
        Path config = null;
        List<String[]> overrides = new ArrayList<>();
        int i = 0;
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.println(USAGE);
            throw new UsageException(null, 0);
        }
        if (args.length == 1 && (args[0].equals("-v") || args[0].equals("--version"))) {
            System.out.println("pyredis server v=" + version() + " (Redis 7.0 protocol)");
            throw new UsageException(null, 0);
        }
        // redis-server also takes the config file as its first argument.
        if (args.length > 0 && !args[0].startsWith("--")) {
            config = Path.of(args[0]);
            i = 1;
        }
        while (i < args.length) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("Bad config in the command line: expected an option like --port, got '"
                        + a + "'\n" + USAGE, 1);
            }
            String key = a.substring(2);
            StringBuilder value = new StringBuilder();
            int j = i + 1;
            while (j < args.length && !args[j].startsWith("--")) {
                if (value.length() > 0) {
                    value.append(' ');
                }
                value.append(args[j]);
                j++;
            }
            if (key.equals("config")) {
                if (j != i + 2) {
                    throw new UsageException("Bad config in the command line: --config needs one file name", 1);
                }
                config = Path.of(args[i + 1]);
            } else {
                overrides.add(new String[] {key, value.toString()});
            }
            i = j;
        }
        if (config == null && Files.isRegularFile(DEFAULT_CONFIG)) {
            config = DEFAULT_CONFIG;
        }
        if (config != null) {
            b.configFile(config);
        }
        for (String[] o : overrides) {
            b.set(o[0], o[1]);
        }
        return b;
    }

    private static String version() {
        String v = Main.class.getPackage() == null ? null : Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        UsageException(String message, int code) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
