package io.pyredis.server.internal.commands;

import io.pyredis.api.Command;
import io.pyredis.api.RedisError;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.stats.LatencyHistogram;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.introspection.LatencyMonitor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code LATENCY <subcommand>}: LATEST, HISTORY, RESET, GRAPH, DOCTOR, HISTOGRAM, HELP, as
 * latency.c's latencyCommand.
 */
public final class LatencyCommand extends BuiltinCommand {

    private static final String[] HELP = {
            "DOCTOR",
            "    Return a human readable latency analysis report.",
            "GRAPH <event>",
            "    Return an ASCII latency graph for the <event> class.",
            "HISTORY <event>",
            "    Return time-latency samples for the <event> class.",
            "LATEST",
            "    Return the latest latency samples for all events.",
            "RESET [<event> ...]",
            "    Reset latency data of one or more <event> classes.",
            "    (default: reset all data for all event classes)",
            "HISTOGRAM [COMMAND ...]",
            "    Return a cumulative distribution of latencies in the format of a histogram for the "
                    + "specified command names.",
            "    If no commands are specified then all histograms are replied.",
    };

    public LatencyCommand(ServerContext server) {
        super(server, "latency");
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new Latest(server), new History(server), new Reset(server), new Graph(server),
                new Doctor(server), new Histogram(server), new Help.Subcommand(server, "latency", HELP));
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        throw new RedisError("ERR wrong number of arguments for 'latency' command");
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** {@code LATENCY LATEST} */
    static final class Latest extends BuiltinCommand {
        Latest(ServerContext server) {
            super(server, "latency|latest");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Map<String, LatencyMonitor.Series> events = server.latency().events();
            RespWriter w = c.reply();
            w.array(events.size());
            for (Map.Entry<String, LatencyMonitor.Series> e : events.entrySet()) {
                int[] l = LatencyMonitor.latest(e.getValue());
                w.array(4);
                w.bulk(e.getKey());
                w.integer(l[0]);
                w.integer(l[1]);
                w.integer(l[2]);
            }
        }
    }

    /** {@code LATENCY HISTORY event} */
    static final class History extends BuiltinCommand {
        History(ServerContext server) {
            super(server, "latency|history");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            LatencyMonitor.Series s = server.latency().events().get(text(args[2]));
            RespWriter w = c.reply();
            if (s == null) {
                w.array(0);
                return;
            }
            List<int[]> samples = new ArrayList<>();
            LatencyMonitor.samples(s, (t, ms) -> samples.add(new int[] {t, ms}));
            w.array(samples.size());
            for (int[] x : samples) {
                w.array(2);
                w.integer(x[0]);
                w.integer(x[1]);
            }
        }
    }

    /** {@code LATENCY RESET [event [event ...]]} */
    static final class Reset extends BuiltinCommand {
        Reset(ServerContext server) {
            super(server, "latency|reset");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            if (args.length == 2) {
                c.reply().integer(server.latency().reset(null));
                return;
            }
            int resets = 0;
            for (int j = 2; j < args.length; j++) {
                resets += server.latency().reset(text(args[j]));
            }
            c.reply().integer(resets);
        }
    }

    /** {@code LATENCY GRAPH event} */
    static final class Graph extends BuiltinCommand {
        Graph(ServerContext server) {
            super(server, "latency|graph");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            String event = text(args[2]);
            LatencyMonitor.Series s = server.latency().events().get(event);
            if (s == null) {
                throw new RedisError("ERR No samples available for event '" + ClientCommand.cString(args[2]) + "'");
            }
            c.reply().verbatim("txt", LatencyMonitor.graph(event, s).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code LATENCY DOCTOR} */
    static final class Doctor extends BuiltinCommand {
        Doctor(ServerContext server) {
            super(server, "latency|doctor");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            c.reply().verbatim("txt", server.latency().doctor().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code LATENCY HISTOGRAM [command [command ...]]} */
    static final class Histogram extends BuiltinCommand {
        Histogram(ServerContext server) {
            super(server, "latency|histogram");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            List<CommandEntry> with = new ArrayList<>();
            if (args.length == 2) {
                for (CommandEntry e : server.commands().all()) {
                    addWithData(with, e, true);
                }
            } else {
                for (int j = 2; j < args.length; j++) {
                    CommandEntry e = lookup(server.commands(), text(args[j]));
                    if (e != null) {
                        addWithData(with, e, true);
                    }
                }
            }
            RespWriter w = c.reply();
            w.map(with.size());
            for (CommandEntry e : with) {
                w.bulk(e.name());
                fillCdf(w, e.latencyHistogram);
            }
        }

        /** A command and its subcommands that have a histogram, as latencyAllCommandsFillCDF walks them. */
        private static void addWithData(List<CommandEntry> out, CommandEntry e, boolean subs) {
            if (e.latencyHistogram != null) {
                out.add(e);
            }
            if (subs && e.subcommands() != null) {
                for (CommandEntry s : e.subcommands().all()) {
                    addWithData(out, s, false);
                }
            }
        }

        /** lookupCommandBySds: {@code name} or {@code container|sub}. */
        private static CommandEntry lookup(CommandTable table, String name) {
            int bar = name.indexOf('|');
            if (bar < 0) {
                return table.get(name);
            }
            CommandEntry base = table.get(name.substring(0, bar));
            if (base == null || base.subcommands() == null || name.indexOf('|', bar + 1) >= 0) {
                return null;
            }
            return base.subcommands().get(name.substring(bar + 1));
        }

        /** fillCommandCDF: {calls, histogram_usec: {usec: cumulative count, ...}}. */
        private static void fillCdf(RespWriter w, LatencyHistogram h) {
            w.map(2);
            w.bulk("calls");
            w.integer(h.totalCount());
            w.bulk("histogram_usec");
            List<long[]> buckets = new ArrayList<>();
            long[] previous = {0};
            h.logBuckets(1024, (highest, cumulative) -> {
                if (cumulative > previous[0]) {
                    buckets.add(new long[] {highest / 1000, cumulative});
                }
                previous[0] = cumulative;
            });
            w.map(buckets.size());
            for (long[] b : buckets) {
                w.integer(b[0]);
                w.integer(b[1]);
            }
        }
    }

}
