package io.pyredis.server.internal.commands;

import io.pyredis.support.Glob;
import io.pyredis.api.Command;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.RedisError;
import io.pyredis.protocol.RespWriter;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.config.BadValueException;
import io.pyredis.server.internal.config.ConfigParam;
import io.pyredis.server.internal.config.ConfigRegistry;
import io.pyredis.server.internal.config.ConfigRewriter;
import io.pyredis.core.command.CommandEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import java.util.Map;

/** {@code CONFIG <subcommand>}: GET, SET, RESETSTAT, REWRITE, HELP, as Redis 7.0's config.c. */
public final class ConfigCommand extends BuiltinCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigCommand.class);

    private static final CommandFlag[] FLAGS = {CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING,
            CommandFlag.STALE};

    private static final String[] HELP = {
        "GET <pattern>",
        "    Return parameters matching the glob-like <pattern> and their values.",
        "SET <directive> <value>",
        "    Set the configuration <directive> to <value>.",
        "RESETSTAT",
        "    Reset statistics reported by the INFO command.",
        "REWRITE",
        "    Rewrite the configuration file.",
    };

    public ConfigCommand(ServerContext server) {
        super(server, "config");
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new Get(server), new Set(server), new ResetStat(server), new Rewrite(server), new Help.Subcommand(server, "config", HELP));
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        throw new RedisError("ERR wrong number of arguments for 'config' command");
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Zeroes what INFO counts: server, keyspace and per-command statistics (CONFIG RESETSTAT). */
    static void resetStats(ServerContext server) {
        server.stats().reset();
        server.keyspace().resetStats();
        for (CommandEntry e : server.commands().all()) {
            e.resetStats();
        }
    }

    /**
     * {@code CONFIG GET parameter [parameter ...]}, as Redis 7.0's configGetCommand: an
     * alias is a name of its own (so {@code *} shows {@code slaveof} beside {@code replicaof}),
     * each name once; an exact name is shown as typed; hidden parameters only by exact name.
     */
    static final class Get extends BuiltinCommand {
        Get(ServerContext server) {
            super(server, "config|get");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            ConfigRegistry registry = server.config().registry;
            // Lower-case name -> (shown name, param), as Redis's case-insensitive matches dict.
            Map<String, Map.Entry<String, ConfigParam<?>>> matches = new LinkedHashMap<>();
            for (int i = 2; i < args.length; i++) {
                String pattern = text(args[i]);
                if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf('[') < 0) {
                    String key = pattern.toLowerCase(Locale.ROOT);
                    ConfigParam<?> p = registry.find(pattern);
                    if (p != null && !matches.containsKey(key)) {
                        matches.put(key, Map.entry(pattern, p));
                    }
                    continue;
                }
                byte[] glob = args[i];
                for (Map.Entry<String, ConfigParam<?>> e : registry.names().entrySet()) {
                    ConfigParam<?> p = e.getValue();
                    if (p.has(ConfigParam.Flag.HIDDEN) || matches.containsKey(e.getKey())) {
                        continue;
                    }
                    if (Glob.matches(glob, e.getKey().getBytes(StandardCharsets.UTF_8), true)) {
                        matches.put(e.getKey(), Map.entry(e.getKey(), p));
                    }
                }
            }
            RespWriter w = c.reply();
            w.map(matches.size());
            ConfigParam<?> port = server.config().port;
            for (Map.Entry<String, ConfigParam<?>> m : matches.values()) {
                w.bulk(m.getKey());
                // "port 0" picks a free port here (in Redis it means no TCP at all): show the one in use.
                w.bulk(m.getValue() == port ? Integer.toString(server.port()) : m.getValue().get());
            }
        }
    }

    /**
     * {@code CONFIG SET parameter value [parameter value ...]}, as Redis 7.0's
     * configSetCommand: the first unknown, immutable, protected or repeated name (in the
     * order given) refuses the call; then every value is parsed, then stored, then applied;
     * a value refused by its parameter or by the server applying it puts every value back.
     */
    static final class Set extends BuiltinCommand {
        Set(ServerContext server) {
            super(server, "config|set");
        }

        /** Redis's allowProtectedAction. */
        private boolean protectedAllowed(CallContext c) {
            return ServerContext.protectedAllowed(server.config().enableProtectedConfigs.value(), c.client());
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            if (args.length % 2 != 0) {
                throw RedisError.SYNTAX;
            }
            ConfigRegistry registry = server.config().registry;
            int n = (args.length - 2) / 2;
            // As Redis: every sensitive value is redacted for the slow log and MONITOR, whatever
            // else is wrong with the call.
            for (int a = 2; a + 1 < args.length; a += 2) {
                ConfigParam<?> p = registry.find(text(args[a]));
                if (p != null && p.has(ConfigParam.Flag.SENSITIVE)) {
                    c.client().redactArgument(args, a + 1);
                }
            }
            List<ConfigParam<?>> params = new ArrayList<>(n);
            // The name each parameter was given by: an alias is an entry of its own in Redis
            // (so a name and its alias in one call are not duplicates, and errors name the alias).
            List<String> used = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String typed = text(args[2 + 2 * i]);
                ConfigParam<?> p = registry.find(typed);
                if (p == null) {
                    throw new RedisError("ERR Unknown option or number of arguments for CONFIG SET - '"
                            + ClientCommand.cString(args[2 + 2 * i]) + "'");
                }
                String shown = typed.equalsIgnoreCase(p.name()) ? p.name() : p.alias();
                String err = null;
                if (!p.mutable()) {
                    err = "can't set immutable config";
                } else if (p.has(ConfigParam.Flag.PROTECTED) && !protectedAllowed(c)) {
                    err = "can't set protected config";
                } else {
                    for (int j = 0; j < i; j++) {
                        if (params.get(j) == p && used.get(j).equals(shown)) {
                            err = "duplicate parameter";
                        }
                    }
                }
                if (err != null) {
                    throw failed(ClientCommand.cString(args[2 + 2 * i]), err);
                }
                params.add(p);
                used.add(shown);
            }
            List<ConfigParam.Change<?>> changes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                try {
                    changes.add(params.get(i).prepare(text(args[3 + 2 * i])));
                } catch (BadValueException e) {
                    throw failed(used.get(i), e.reason());
                }
            }
            boolean[] changed = new boolean[n];
            for (int i = 0; i < n; i++) {
                changed[i] = changes.get(i).store();
            }
            for (int i = 0; i < n; i++) {
                if (!changed[i]) {
                    continue;
                }
                try {
                    changes.get(i).apply();
                } catch (BadValueException e) {
                    LOG.warn("Failed applying new configuration. Possibly related to new {} setting. "
                            + "Restoring previous settings.", used.get(i));
                    for (int j = n - 1; j >= 0; j--) {
                        changes.get(j).revert(changed[j] && j <= i);
                    }
                    throw failed(used.get(i), e.reason());
                }
            }
            c.reply().ok();
        }

        private static RedisError failed(String name, String reason) {
            return new RedisError("ERR CONFIG SET failed (possibly related to argument '" + name + "') - " + reason);
        }
    }

    /** {@code CONFIG RESETSTAT} */
    static final class ResetStat extends BuiltinCommand {
        ResetStat(ServerContext server) {
            super(server, "config|resetstat");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            resetStats(server);
            c.reply().ok();
        }
    }

    /** {@code CONFIG REWRITE}: writes the running config back to the JSON file the server started from. */
    static final class Rewrite extends BuiltinCommand {
        Rewrite(ServerContext server) {
            super(server, "config|rewrite");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Path file = server.config().configFile;
            if (file == null) {
                throw new RedisError("ERR The server is running without a config file");
            }
            try {
                ConfigRewriter.rewrite(server.config().registry, file, server.aclUsersForConfig());
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.warn("CONFIG REWRITE failed: {}", why);
                throw new RedisError("ERR Rewriting config file: " + why.replace('\r', ' ').replace('\n', ' '));
            }
            LOG.info("CONFIG REWRITE executed with success.");
            c.reply().ok();
        }
    }

}
