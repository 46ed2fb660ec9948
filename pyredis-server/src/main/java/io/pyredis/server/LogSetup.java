package io.pyredis.server;

import java.util.Locale;

/**
 * Maps redis.conf's {@code loglevel} and {@code logfile} onto slf4j-simple's system
 * properties. Must run before the first logger is created; properties the user set with
 * {@code -D} win.
 */
final class LogSetup {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LogSetup() {
    }

    static void apply(String loglevel, String logfile) {
        String level;
        switch (loglevel.toLowerCase(Locale.ROOT)) {
            case "debug":
                level = "trace";
                break;
            case "verbose":
                level = "debug";
                break;
            case "warning":
                level = "warn";
                break;
            default:
                level = "info";
        }
        setDefault("defaultLogLevel", level);
        setDefault("logFile", logfile == null || logfile.isEmpty() ? "System.out" : logfile);
        setDefault("showDateTime", "true");
        setDefault("dateTimeFormat", "dd MMM yyyy HH:mm:ss.SSS");
        setDefault("showShortLogName", "true");
        setDefault("showLogName", "false");
        // Netty's own debug output is about Netty, not about the server.
        setDefault("log.io.netty", level.equals("trace") ? "debug" : "warn");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
