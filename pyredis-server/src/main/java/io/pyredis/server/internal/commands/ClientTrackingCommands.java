package io.pyredis.server.internal.commands;

import io.pyredis.api.Command;
import io.pyredis.api.RedisError;
import io.pyredis.core.client.Client;
import io.pyredis.core.client.TrackingState;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.exec.Tracking;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT's client-side caching subcommands, TRACKING, CACHING, GETREDIR and TRACKINGINFO, with
 * Redis 7.0.15's replies and error texts (networking.c clientCommand); the table itself is
 * the engine's {@link Tracking}.
 */
final class ClientTrackingCommands {

    private ClientTrackingCommands() {
    }

    /** The subcommands, for CLIENT's list. */
    static List<Command> all(ServerContext server) {
        return List.of(new TrackingSub(server), new Caching(server), new GetRedir(server), new TrackingInfo(server));
    }

    /** CLIENT LIST's tracking letters, in catClientInfoString's order (after b, before d). */
    static void flags(Client c, StringBuilder f) {
        TrackingState t = c.tracking();
        if (t != null) {
            f.append('t');
            if (t.brokenRedirect) {
                f.append('R');
            }
            if (t.bcast) {
                f.append('B');
            }
        }
    }

    private static RedisError error(String text) {
        return new RedisError("ERR " + text);
    }

    /** {@code CLIENT TRACKING ON | OFF [REDIRECT client-id] [PREFIX prefix [PREFIX prefix ...]] [BCAST] [OPTIN] [OPTOUT] [NOLOOP]} */
    static final class TrackingSub extends BuiltinCommand {
        TrackingSub(ServerContext server) {
            super(server, "client|tracking");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            long redirect = 0;
            boolean bcast = false;
            boolean optin = false;
            boolean optout = false;
            boolean noloop = false;
            List<byte[]> prefixes = new ArrayList<>();
            for (int j = 3; j < args.length; j++) {
                boolean more = args.length - 1 - j > 0;
                if (more && Keywords.is(args[j], "redirect")) {
                    j++;
                    if (redirect != 0) {
                        throw error("A client can only redirect to a single other client");
                    }
                    redirect = Numbers.parseLong(args[j]);
                    // The redirect client must exist now, though it may go away later.
                    if (server.clients().get(redirect) == null) {
                        throw error("The client ID you want redirect to does not exist");
                    }
                } else if (Keywords.is(args[j], "bcast")) {
                    bcast = true;
                } else if (Keywords.is(args[j], "optin")) {
                    optin = true;
                } else if (Keywords.is(args[j], "optout")) {
                    optout = true;
                } else if (Keywords.is(args[j], "noloop")) {
                    noloop = true;
                } else if (more && Keywords.is(args[j], "prefix")) {
                    prefixes.add(args[++j]);
                } else {
                    throw RedisError.SYNTAX;
                }
            }
            Client me = c.client();
            Tracking tracking = server.engine().tracking();
            if (Keywords.is(args[2], "on")) {
                TrackingState t = me.tracking();
                if (!bcast && !prefixes.isEmpty()) {
                    throw error("PREFIX option requires BCAST mode to be enabled");
                }
                if (t != null && t.bcast != bcast) {
                    throw error("You can't switch BCAST mode on/off before disabling tracking for this client, "
                            + "and then re-enabling it with a different mode.");
                }
                if (bcast && (optin || optout)) {
                    throw error("OPTIN and OPTOUT are not compatible with BCAST");
                }
                if (optin && optout) {
                    throw error("You can't specify both OPTIN mode and OPTOUT mode");
                }
                if (t != null && ((optin && t.optout) || (optout && t.optin))) {
                    throw error("You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, "
                            + "and then re-enabling it with a different mode.");
                }
                if (bcast) {
                    String collision = Tracking.prefixCollision(me, prefixes);
                    if (collision != null) {
                        throw new RedisError(collision);
                    }
                }
                tracking.enable(me, redirect, bcast, optin, optout, noloop, prefixes);
            } else if (Keywords.is(args[2], "off")) {
                tracking.disable(me);
            } else {
                throw RedisError.SYNTAX;
            }
            c.reply().ok();
        }
    }

    /** {@code CLIENT CACHING YES | NO} */
    static final class Caching extends BuiltinCommand {
        Caching(ServerContext server) {
            super(server, "client|caching");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            TrackingState t = c.client().tracking();
            if (t == null) {
                throw error("CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or "
                        + "OPTOUT mode enabled");
            }
            if (Keywords.is(args[2], "yes")) {
                if (!t.optin) {
                    throw error("CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
                }
            } else if (Keywords.is(args[2], "no")) {
                if (!t.optout) {
                    throw error("CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
                }
            } else {
                throw RedisError.SYNTAX;
            }
            // Lasts for the next command, or the next transaction (the tracking observer clears it).
            t.caching = true;
            c.reply().ok();
        }
    }

    /** {@code CLIENT GETREDIR} */
    static final class GetRedir extends BuiltinCommand {
        GetRedir(ServerContext server) {
            super(server, "client|getredir");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            TrackingState t = c.client().tracking();
            c.reply().integer(t == null ? -1 : t.redirect);
        }
    }

    /** {@code CLIENT TRACKINGINFO} */
    static final class TrackingInfo extends BuiltinCommand {
        TrackingInfo(ServerContext server) {
            super(server, "client|trackinginfo");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            TrackingState t = c.client().tracking();
            List<String> flags = new ArrayList<>(4);
            if (t == null) {
                flags.add("off");
            } else {
                flags.add("on");
                if (t.bcast) {
                    flags.add("bcast");
                }
                if (t.optin) {
                    flags.add("optin");
                    if (t.caching) {
                        flags.add("caching-yes");
                    }
                }
                if (t.optout) {
                    flags.add("optout");
                    if (t.caching) {
                        flags.add("caching-no");
                    }
                }
                if (t.noloop) {
                    flags.add("noloop");
                }
                if (t.brokenRedirect) {
                    flags.add("broken_redirect");
                }
            }
            RespWriter w = c.reply();
            w.map(3);
            w.bulk("flags");
            // Redis opens it as an array and closes it with setDeferredSetLen: a set in RESP3.
            w.set(flags.size());
            for (String f : flags) {
                w.bulk(f);
            }
            w.bulk("redirect");
            w.integer(t == null ? -1 : t.redirect);
            w.bulk("prefixes");
            if (t == null || t.prefixes.isEmpty()) {
                w.array(0);
            } else {
                w.array(t.prefixes.size());
                for (byte[] p : t.prefixes) {
                    w.bulk(p);
                }
            }
        }
    }
}
