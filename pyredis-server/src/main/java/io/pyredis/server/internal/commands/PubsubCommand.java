package io.pyredis.server.internal.commands;

import io.pyredis.core.client.Subscriptions;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.Command;
import io.pyredis.protocol.RespWriter;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.pubsub.PubSub;

import java.util.ArrayList;
import java.util.List;

/** {@code PUBSUB <subcommand>}: CHANNELS, NUMSUB, NUMPAT, SHARDCHANNELS, SHARDNUMSUB, HELP. */
public final class PubsubCommand extends BuiltinCommand {

    private static final String[] HELP = {
        "CHANNELS [<pattern>]",
        "    Return the currently active channels matching a <pattern> (default: '*').",
        "NUMPAT",
        "    Return number of subscriptions to patterns.",
        "NUMSUB [<channel> ...]",
        "    Return the number of subscribers for the specified channels, excluding",
        "    pattern subscriptions(default: no channels).",
        "SHARDCHANNELS [<pattern>]",
        "    Return the currently active shard level channels matching a <pattern> (default: '*').",
        "SHARDNUMSUB [<shardchannel> ...]",
        "    Return the number of subscribers for the specified shard level channel(s)",
    };

    public PubsubCommand(ServerContext server) {
        super(server, "pubsub");
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new Channels(server, "pubsub|channels", Subscriptions.Kind.CHANNEL),
                new Channels(server, "pubsub|shardchannels", Subscriptions.Kind.SHARD),
                new NumSub(server, "pubsub|numsub", Subscriptions.Kind.CHANNEL),
                new NumSub(server, "pubsub|shardnumsub", Subscriptions.Kind.SHARD),
                new NumPat(server), new Help.Subcommand(server, "pubsub", HELP));
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        // Only reached without a subcommand, which arity -2 already refuses.
        c.reply().error("ERR wrong number of arguments for 'pubsub' command");
    }

    /** {@code PUBSUB CHANNELS [pattern]}, {@code PUBSUB SHARDCHANNELS [pattern]} */
    static final class Channels extends BuiltinCommand {
        private final Subscriptions.Kind kind;

        Channels(ServerContext server, String name, Subscriptions.Kind kind) {
            super(server, name);
            this.kind = kind;
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            if (args.length > 3) {
                c.reply().error("ERR unknown subcommand or wrong number of arguments for '"
                        + new String(args[1], java.nio.charset.StandardCharsets.ISO_8859_1) + "'. Try PUBSUB HELP.");
                return;
            }
            List<byte[]> out = new ArrayList<>();
            server.pubsub().forEachChannel(kind, args.length == 3 ? args[2] : null, out::add);
            RespWriter w = c.reply();
            w.array(out.size());
            for (byte[] ch : out) {
                w.bulk(ch);
            }
        }
    }

    /** {@code PUBSUB NUMSUB [channel ...]}, {@code PUBSUB SHARDNUMSUB [shardchannel ...]} */
    static final class NumSub extends BuiltinCommand {
        private final Subscriptions.Kind kind;

        NumSub(ServerContext server, String name, Subscriptions.Kind kind) {
            super(server, name);
            this.kind = kind;
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            RespWriter w = c.reply();
            PubSub ps = server.pubsub();
            // An array in both protocols, as Redis 7.0 replies it.
            w.array((args.length - 2) * 2);
            for (int i = 2; i < args.length; i++) {
                w.bulk(args[i]);
                w.integer(ps.subscribers(kind, args[i]));
            }
        }
    }

    /** {@code PUBSUB NUMPAT} */
    static final class NumPat extends BuiltinCommand {
        NumPat(ServerContext server) {
            super(server, "pubsub|numpat");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            c.reply().integer(server.pubsub().patternCount());
        }
    }

}
