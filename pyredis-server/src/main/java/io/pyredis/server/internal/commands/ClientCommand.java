package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.support.Keywords;
import io.pyredis.api.Command;
import io.pyredis.api.CommandFlag;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.core.client.Client;
import io.pyredis.core.exec.CallContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code CLIENT <subcommand>}: ID, SETNAME, GETNAME, LIST, INFO, KILL, NO-EVICT, HELP, with
 * Redis 7.0's replies and error texts (networking.c clientCommand).
 */
public final class ClientCommand extends BuiltinCommand {

    private static final CommandFlag[] SUB_FLAGS = {CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE};
    private static final CommandFlag[] ADMIN_FLAGS = {CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING,
            CommandFlag.STALE};
    private static final List<String> NONDETERMINISTIC = List.of("nondeterministic_output");

    static final RedisError NO_SUCH_CLIENT = new RedisError("ERR No such client");
    private static final RedisError BAD_ID = new RedisError("ERR client-id should be greater than 0");
    private static final RedisError INVALID_ID = new RedisError("ERR Invalid client ID");

    private static final String[] HELP = {
        "CACHING (YES|NO)",
        "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
        "GETREDIR",
        "    Return the client ID we are redirecting to when tracking is enabled.",
        "GETNAME",
        "    Return the name of the current connection.",
        "ID",
        "    Return the ID of the current connection.",
        "INFO",
        "    Return information about the current client connection.",
        "KILL <ip:port>",
        "    Kill connection made from <ip:port>.",
        "KILL <option> <value> [<option> <value> [...]]",
        "    Kill connections. Options are:",
        "    * ADDR (<ip:port>|<unixsocket>:0)",
        "      Kill connections made from the specified address",
        "    * LADDR (<ip:port>|<unixsocket>:0)",
        "      Kill connections made to specified local address",
        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
        "      Kill connections by type.",
        "    * USER <username>",
        "      Kill connections authenticated by <username>.",
        "    * SKIPME (YES|NO)",
        "      Skip killing current connection (default: yes).",
        "LIST [options ...]",
        "    Return information about client connections. Options:",
        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
        "      Return clients of specified type.",
        "UNPAUSE",
        "    Stop the current client pause, resuming traffic.",
        "PAUSE <timeout> [WRITE|ALL]",
        "    Suspend all, or just write, clients for <timeout> milliseconds.",
        "REPLY (ON|OFF|SKIP)",
        "    Control the replies sent to the current connection.",
        "SETNAME <name>",
        "    Assign the name <name> to the current connection.",
        "UNBLOCK <clientid> [TIMEOUT|ERROR]",
        "    Unblock the specified blocked client.",
        "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
        "         [OPTIN] [OPTOUT] [NOLOOP]",
        "    Control server assisted client side caching.",
        "TRACKINGINFO",
        "    Report tracking status for the current connection.",
        "NO-EVICT (ON|OFF)",
        "    Protect current client connection from eviction.",
    };

    public ClientCommand(ServerContext server) {
        super(server, "client");
    }

    @Override
    public List<Command> subcommands() {
        List<Command> subs = new ArrayList<>(List.of(new Id(server), new SetName(server), new GetName(server),
                new ListClients(server), new Info(server), new Kill(server), new NoEvict(server), new Unblock(server),
                new Help.Subcommand(server, "client", HELP), new ClientReply(server), new ClientPause(server), new ClientUnpause(server)));
        subs.addAll(ClientTrackingCommands.all(server));
        return subs;
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        // Only reached with no subcommand, which the arity check refuses.
        throw new RedisError("ERR wrong number of arguments for 'client' command");
    }

    /** Redis's getClientTypeByName: -1 for an unknown name; every pyredis client is "normal" (0). */
    static int clientType(byte[] name) {
        switch (new String(name, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)) {
            case "normal":
                return 0;
            case "slave":
            case "replica":
                return 1;
            case "pubsub":
                return 2;
            case "master":
                return 3;
            default:
                return -1;
        }
    }

    /** Redis's getClientType: a replica (CLIENT_SLAVE), pub/sub for a subscribed client (CLIENT_PUBSUB), else normal. */
    static int typeOf(Client c) {
        return c.replica() ? 1 : c.subscriptionCount() > 0 ? 2 : 0;
    }

    static RedisError unknownType(byte[] name) {
        return new RedisError("ERR Unknown client type '" + cString(name) + "'");
    }

    /** The text as C's %s prints it: up to the first NUL. */
    static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    static List<Client> clientsById(ServerContext server) {
        List<Client> all = new ArrayList<>(server.clients().all());
        all.sort(Comparator.comparingLong(Client::id));
        return all;
    }

    /** {@code CLIENT ID} */
    static final class Id extends BuiltinCommand {
        Id(ServerContext server) {
            super(server, "client|id");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            c.reply().integer(c.session().id());
        }
    }

    /** {@code CLIENT SETNAME connection-name} */
    static final class SetName extends BuiltinCommand {
        SetName(ServerContext server) {
            super(server, "client|setname");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            c.session().name(ClientNames.validate(args[2]));
            c.reply().ok();
        }
    }

    /** {@code CLIENT GETNAME} */
    static final class GetName extends BuiltinCommand {
        GetName(ServerContext server) {
            super(server, "client|getname");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            String name = c.session().name();
            if (name == null) {
                c.reply().nullBulk();
            } else {
                c.reply().bulk(name);
            }
        }
    }

    /** {@code CLIENT LIST [TYPE NORMAL | MASTER | REPLICA | PUBSUB] [ID client-id [client-id ...]]} */
    static final class ListClients extends BuiltinCommand {
        ListClients(ServerContext server) {
            super(server, "client|list");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            long now = server.clock().millis();
            long argvMem = ClientLines.argvMem(args);
            StringBuilder sb = new StringBuilder(256);
            if (args.length == 4 && Keywords.is(args[2], "type")) {
                int type = clientType(args[3]);
                if (type == -1) {
                    throw unknownType(args[3]);
                }
                for (Client s : clientsById(server)) {
                    if (typeOf(s) == type) {
                        ClientLines.append(sb, s, now, s == c.session() ? argvMem : 0);
                        sb.append('\n');
                    }
                }
            } else if (args.length > 3 && Keywords.is(args[2], "id")) {
                long[] ids = new long[args.length - 3];
                for (int i = 3; i < args.length; i++) {
                    ids[i - 3] = Numbers.parseLong(args[i], INVALID_ID);
                }
                for (long id : ids) {
                    Client s = server.clients().get(id);
                    if (s != null) {
                        ClientLines.append(sb, s, now, s == c.session() ? argvMem : 0);
                        sb.append('\n');
                    }
                }
            } else if (args.length != 2) {
                throw RedisError.SYNTAX;
            } else {
                for (Client s : clientsById(server)) {
                    ClientLines.append(sb, s, now, s == c.session() ? argvMem : 0);
                    sb.append('\n');
                }
            }
            c.reply().verbatim("txt", sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code CLIENT INFO} */
    static final class Info extends BuiltinCommand {
        Info(ServerContext server) {
            super(server, "client|info");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            StringBuilder sb = new StringBuilder(256);
            ClientLines.append(sb, c.session(), server.clock().millis(), ClientLines.argvMem(args));
            sb.append('\n');
            c.reply().verbatim("txt", sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * {@code CLIENT KILL ip:port | [ID client-id] [TYPE NORMAL | MASTER | SLAVE | REPLICA | PUBSUB]
     * [USER username] [ADDR ip:port] [LADDR ip:port] [SKIPME YES | NO]}
     */
    static final class Kill extends BuiltinCommand {
        Kill(ServerContext server) {
            super(server, "client|kill");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            String addr = null;
            String laddr = null;
            long id = 0;
            int type = -1;
            boolean skipme = true;
            io.pyredis.core.acl.AclUser user = null;
            if (args.length == 3) {
                addr = new String(args[2], StandardCharsets.UTF_8);
                skipme = false; // with the old form a client may kill itself
            } else {
                for (int i = 2; i < args.length; i += 2) {
                    boolean more = args.length > i + 1;
                    if (more && Keywords.is(args[i], "id")) {
                        long v = Numbers.parseLong(args[i + 1], BAD_ID);
                        if (v < 1) {
                            throw BAD_ID;
                        }
                        id = v;
                    } else if (more && Keywords.is(args[i], "type")) {
                        type = clientType(args[i + 1]);
                        if (type == -1) {
                            throw unknownType(args[i + 1]);
                        }
                    } else if (more && Keywords.is(args[i], "addr")) {
                        addr = new String(args[i + 1], StandardCharsets.UTF_8);
                    } else if (more && Keywords.is(args[i], "laddr")) {
                        laddr = new String(args[i + 1], StandardCharsets.UTF_8);
                    } else if (more && Keywords.is(args[i], "user")) {
                        user = server.engine().acl().user(args[i + 1]);
                        if (user == null) {
                            throw new RedisError("ERR No such user '" + cString(args[i + 1]) + "'");
                        }
                    } else if (more && Keywords.is(args[i], "skipme")) {
                        if (Keywords.is(args[i + 1], "yes")) {
                            skipme = true;
                        } else if (Keywords.is(args[i + 1], "no")) {
                            skipme = false;
                        } else {
                            throw RedisError.SYNTAX;
                        }
                    } else {
                        throw RedisError.SYNTAX;
                    }
                }
            }
            Client me = c.session();
            List<Client> victims = new ArrayList<>();
            boolean killMe = false;
            for (Client s : clientsById(server)) {
                if (addr != null && !addr.equals(s.remoteAddress())) {
                    continue;
                }
                if (laddr != null && !laddr.equals(s.localAddress())) {
                    continue;
                }
                if (type != -1 && typeOf(s) != type) {
                    continue;
                }
                if (id != 0 && s.id() != id) {
                    continue;
                }
                if (user != null && s.user() != user) {
                    continue;
                }
                if (s == me) {
                    if (skipme) {
                        continue;
                    }
                    killMe = true;
                } else {
                    victims.add(s);
                }
            }
            for (Client s : victims) {
                s.close();
            }
            int killed = victims.size() + (killMe ? 1 : 0);
            if (args.length == 3) {
                if (killed == 0) {
                    throw NO_SUCH_CLIENT;
                }
                c.reply().ok();
            } else {
                c.reply().integer(killed);
            }
            if (killMe) {
                c.client().closeAfterReply();
            }
        }
    }

    /** {@code CLIENT NO-EVICT ON | OFF}: the flag ({@code e} in CLIENT LIST); pyredis does not evict clients yet. */
    static final class NoEvict extends BuiltinCommand {
        NoEvict(ServerContext server) {
            super(server, "client|no-evict");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            if (Keywords.is(args[2], "on")) {
                c.client().noEvict(true);
            } else if (Keywords.is(args[2], "off")) {
                c.client().noEvict(false);
            } else {
                throw RedisError.SYNTAX;
            }
            c.reply().ok();
        }
    }

    /** {@code CLIENT UNBLOCK client-id [TIMEOUT | ERROR]} */
    static final class Unblock extends BuiltinCommand {
        Unblock(ServerContext server) {
            super(server, "client|unblock");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            long id = Numbers.parseLong(args[2]);
            boolean error = false;
            if (args.length == 4) {
                if (Keywords.is(args[3], "error")) {
                    error = true;
                } else if (!Keywords.is(args[3], "timeout")) {
                    throw new RedisError("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
                }
            } else if (args.length > 4) {
                throw RedisError.SYNTAX;
            }
            Client target = server.clients().get(id);
            c.reply().integer(target != null && server.blockedClients().unblock(target, error) ? 1 : 0);
        }
    }

}
