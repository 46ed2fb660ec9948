package io.pyredis.server.internal.commands;

import io.pyredis.api.Command;
import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.introspection.SlowLog;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** {@code SLOWLOG <subcommand>}: GET, LEN, RESET, HELP, as slowlog.c's slowlogCommand. */
public final class SlowlogCommand extends BuiltinCommand {

    private static final String[] HELP = {
            "GET [<count>]",
            "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
            "    Entries are made of:",
            "    id, timestamp, time in microseconds, arguments array, client IP and port,",
            "    client name",
            "LEN",
            "    Return the length of the slowlog.",
            "RESET",
            "    Reset the slowlog.",
    };

    private static final RedisError BAD_COUNT = new RedisError("ERR count should be greater than or equal to -1");

    public SlowlogCommand(ServerContext server) {
        super(server, "slowlog");
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new Get(server), new Len(server), new Reset(server), new Help.Subcommand(server, "slowlog", HELP));
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        throw new RedisError("ERR wrong number of arguments for 'slowlog' command");
    }

    /** {@code SLOWLOG GET [count]} */
    static final class Get extends BuiltinCommand {
        Get(ServerContext server) {
            super(server, "slowlog|get");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            if (args.length > 3) {
                throw Help.subcommandSyntaxError(args);
            }
            SlowLog log = server.slowLog();
            long count = 10;
            if (args.length == 3) {
                count = Numbers.parseLong(args[2], BAD_COUNT);
                if (count < -1) {
                    throw BAD_COUNT;
                }
                if (count == -1) {
                    count = log.size();
                }
            }
            List<SlowLog.Entry> sent = new ArrayList<>();
            for (Iterator<SlowLog.Entry> it = log.newestFirst(); count-- > 0 && it.hasNext(); ) {
                sent.add(it.next());
            }
            RespWriter w = c.reply();
            w.array(sent.size());
            for (SlowLog.Entry e : sent) {
                w.array(6);
                w.integer(e.id());
                w.integer(e.unixSeconds());
                w.integer(e.micros());
                w.array(e.args().length);
                for (byte[] a : e.args()) {
                    w.bulk(a);
                }
                w.bulk(e.peer().getBytes(StandardCharsets.UTF_8));
                w.bulk(e.name().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** {@code SLOWLOG LEN} */
    static final class Len extends BuiltinCommand {
        Len(ServerContext server) {
            super(server, "slowlog|len");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            c.reply().integer(server.slowLog().size());
        }
    }

    /** {@code SLOWLOG RESET} */
    static final class Reset extends BuiltinCommand {
        Reset(ServerContext server) {
            super(server, "slowlog|reset");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            server.slowLog().reset();
            c.reply().ok();
        }
    }

}
