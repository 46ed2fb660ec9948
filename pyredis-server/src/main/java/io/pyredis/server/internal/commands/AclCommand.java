package io.pyredis.server.internal.commands;

import io.pyredis.api.Command;
import io.pyredis.api.RedisError;
import io.pyredis.core.acl.Acl;
import io.pyredis.core.acl.AclUser;
import io.pyredis.core.client.Client;
import io.pyredis.core.client.Subscriptions;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.util.Bytes;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * {@code ACL <subcommand>}: the users and their rules, as acl.c's aclCommand. The rules,
 * checks and descriptions are the core's {@link Acl}; what is here is the replies, and
 * the clients closed when their user goes away or loses channels they are subscribed to.
 */
public final class AclCommand extends BuiltinCommand {

    private static final String[] HELP = {
            "CAT [<category>]",
            "    List all commands that belong to <category>, or all command categories",
            "    when no category is specified.",
            "DELUSER <username> [<username> ...]",
            "    Delete a list of users.",
            "DRYRUN <username> <command> [<arg> ...]",
            "    Returns whether the user can execute the given command without executing the command.",
            "GETUSER <username>",
            "    Get the user's details.",
            "GENPASS [<bits>]",
            "    Generate a secure 256-bit user password. The optional `bits` argument can",
            "    be used to specify a different size.",
            "LIST",
            "    Show users details in config file format.",
            "LOAD",
            "    Reload users from the ACL file.",
            "LOG [<count> | RESET]",
            "    Show the ACL log entries.",
            "SAVE",
            "    Save the current config to the ACL file.",
            "SETUSER <username> <attribute> [<attribute> ...]",
            "    Create or modify a user with the specified attributes.",
            "USERS",
            "    List all the registered usernames.",
            "WHOAMI",
            "    Return the current connection username.",
    };

    static final RedisError NO_ACL_FILE = new RedisError("ERR This Redis instance is not configured to use an ACL "
            + "file. You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE "
            + "(assuming you have a Redis configuration file set) in order to store users in the Redis configuration.");

    public AclCommand(ServerContext server) {
        super(server, "acl");
        // ACL LOG's client-info is CLIENT INFO's line of the client denied.
        server.engine().callUnit().clientInfo(c -> {
            StringBuilder sb = new StringBuilder(256);
            ClientLines.append(sb, c, server.clock().millis(), 0);
            return sb.toString();
        });
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new Setuser(server), new Getuser(server), new Deluser(server), new ListUsers(server, false),
                new ListUsers(server, true), new Whoami(server), new Cat(server), new Genpass(server),
                new Log(server), new Load(server), new Save(server), new Dryrun(server),
                new Help.Subcommand(server, "acl", HELP));
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        throw new RedisError("ERR wrong number of arguments for 'acl' command");
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /**
     * ACLFreeUserAndKillClients for each of {@code gone}: their clients go back to the
     * default user, unauthenticated, and are closed (the caller after its reply).
     */
    static void killClientsOf(ServerContext server, Collection<AclUser> gone, Client caller) {
        if (gone.isEmpty()) {
            return;
        }
        Set<AclUser> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        set.addAll(gone);
        for (Client s : new ArrayList<>(server.clients().all())) {
            if (set.contains(s.user())) {
                s.user(server.engine().acl().defaultUser());
                s.authenticated(false);
                if (s == caller) {
                    s.closeAfterReply();
                } else {
                    s.close();
                }
            }
        }
    }

    /** {@code ACL SETUSER username [rule [rule ...]]} */
    static final class Setuser extends BuiltinCommand {
        Setuser(ServerContext server) {
            super(server, "acl|setuser");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            // As Redis: the rules (passwords among them) never reach the slow log or MONITOR.
            for (int j = 2; j < args.length; j++) {
                c.client().redactArgument(args, j);
            }
            if (Acl.hasSpaces(args[2])) {
                throw new RedisError("ERR Usernames can't contain spaces or null characters");
            }
            Acl acl = server.engine().acl();
            AclUser existing = acl.user(args[2]);
            AclUser staged = acl.stage(existing, args[2], Arrays.asList(args).subList(3, args.length));
            if (existing != null) {
                killRevokedSubscribers(staged, existing, c.client());
            }
            acl.commit(existing, staged);
            c.reply().ok();
        }

        /** ACLKillPubsubClientsIfNeeded: subscribers of {@code original} to channels {@code updated} denies are closed. */
        private void killRevokedSubscribers(AclUser updated, AclUser original, Client caller) {
            List<byte[]> upcoming = Acl.revokedChannelsCheck(updated, original);
            if (upcoming == null) {
                return;
            }
            for (Client s : new ArrayList<>(server.clients().all())) {
                Subscriptions subs = s.subscriptions(false);
                if (s.user() != original || subs == null || subs.total() == 0) {
                    continue;
                }
                boolean kill = false;
                for (Bytes p : subs.set(Subscriptions.Kind.PATTERN)) {
                    kill |= !Acl.channelKept(upcoming, p.b, true);
                }
                for (Bytes ch : subs.set(Subscriptions.Kind.CHANNEL)) {
                    kill |= !Acl.channelKept(upcoming, ch.b, false);
                }
                for (Bytes ch : subs.set(Subscriptions.Kind.SHARD)) {
                    kill |= !Acl.channelKept(upcoming, ch.b, false);
                }
                if (kill) {
                    if (s == caller) {
                        s.closeAfterReply();
                    } else {
                        s.close();
                    }
                }
            }
        }
    }

    /** {@code ACL GETUSER username} */
    static final class Getuser extends BuiltinCommand {
        Getuser(ServerContext server) {
            super(server, "acl|getuser");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Acl acl = server.engine().acl();
            AclUser u = acl.user(args[2]);
            if (u == null) {
                c.reply().nullBulk();
                return;
            }
            acl.writeUser(c.reply(), u);
        }
    }

    /** {@code ACL DELUSER username [username ...]} */
    static final class Deluser extends BuiltinCommand {
        private static final RedisError DEFAULT_USER = new RedisError("ERR The 'default' user cannot be removed");

        Deluser(ServerContext server) {
            super(server, "acl|deluser");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            for (int j = 2; j < args.length; j++) {
                if (latin1(args[j]).equals(Acl.DEFAULT)) {
                    throw DEFAULT_USER;
                }
            }
            Acl acl = server.engine().acl();
            List<AclUser> gone = new ArrayList<>();
            for (int j = 2; j < args.length; j++) {
                AclUser u = acl.delete(args[j]);
                if (u != null) {
                    gone.add(u);
                }
            }
            killClientsOf(server, gone, c.client());
            c.reply().integer(gone.size());
        }
    }

    /** {@code ACL LIST} and {@code ACL USERS} */
    static final class ListUsers extends BuiltinCommand {
        private final boolean namesOnly;

        ListUsers(ServerContext server, boolean namesOnly) {
            super(server, namesOnly ? "acl|users" : "acl|list");
            this.namesOnly = namesOnly;
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Acl acl = server.engine().acl();
            Collection<AclUser> users = acl.users();
            RespWriter w = c.reply();
            w.array(users.size());
            for (AclUser u : users) {
                w.bulk(namesOnly ? u.nameBytes() : acl.line(u));
            }
        }
    }

    /** {@code ACL WHOAMI} */
    static final class Whoami extends BuiltinCommand {
        Whoami(ServerContext server) {
            super(server, "acl|whoami");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            AclUser u = c.client().user();
            if (u == null) {
                c.reply().nullBulk();
            } else {
                c.reply().bulk(u.nameBytes());
            }
        }
    }

    /** {@code ACL CAT [category]} */
    static final class Cat extends BuiltinCommand {
        Cat(ServerContext server) {
            super(server, "acl|cat");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            if (args.length > 3) {
                throw Help.subcommandSyntaxError(args);
            }
            RespWriter w = c.reply();
            if (args.length == 2) {
                io.pyredis.api.AclCategory[] all = io.pyredis.api.AclCategory.values();
                w.array(all.length);
                for (io.pyredis.api.AclCategory cat : all) {
                    w.bulk(cat.redisName());
                }
                return;
            }
            List<String> names = server.engine().acl().commandsIn(latin1(args[2]));
            if (names == null) {
                throw new RedisError("ERR Unknown category '" + ClientCommand.cString(args[2]) + "'");
            }
            w.array(names.size());
            for (String n : names) {
                w.bulk(n);
            }
        }
    }

    /** {@code ACL GENPASS [bits]} */
    static final class Genpass extends BuiltinCommand {
        private static final int MAX_BITS = 4096;
        private static final RedisError BAD_BITS = new RedisError("ERR ACL GENPASS argument must be the number of "
                + "bits for the output password, a positive number up to " + MAX_BITS);
        private static final SecureRandom RANDOM = new SecureRandom();

        Genpass(ServerContext server) {
            super(server, "acl|genpass");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            if (args.length > 3) {
                throw Help.subcommandSyntaxError(args);
            }
            long bits = 256;
            if (args.length == 3) {
                bits = Numbers.parseLong(args[2], RedisError.NOT_INTEGER);
            }
            if (bits <= 0 || bits > MAX_BITS) {
                throw BAD_BITS;
            }
            int chars = (int) ((bits + 3) / 4);
            byte[] raw = new byte[(chars + 1) / 2];
            RANDOM.nextBytes(raw);
            StringBuilder sb = new StringBuilder(chars);
            for (int i = 0; i < chars; i++) {
                int b = raw[i / 2];
                sb.append(Character.forDigit(i % 2 == 0 ? (b >> 4) & 0xf : b & 0xf, 16));
            }
            c.reply().bulk(sb.toString());
        }
    }

    /** {@code ACL LOG [count | RESET]} */
    static final class Log extends BuiltinCommand {
        Log(ServerContext server) {
            super(server, "acl|log");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            if (args.length > 3) {
                throw Help.subcommandSyntaxError(args);
            }
            io.pyredis.core.acl.AclLog log = server.engine().acl().log();
            long count = 10;
            if (args.length == 3) {
                if (latin1(args[2]).equalsIgnoreCase("reset")) {
                    log.reset();
                    c.reply().ok();
                    return;
                }
                count = Math.max(0, Numbers.parseLong(args[2], RedisError.NOT_INTEGER));
            }
            log.write(c.reply(), count, System.currentTimeMillis());
        }
    }

    /** {@code ACL LOAD} */
    static final class Load extends BuiltinCommand {
        Load(ServerContext server) {
            super(server, "acl|load");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            if (server.config().aclfile.value().isEmpty()) {
                throw NO_ACL_FILE;
            }
            Acl.LoadResult r = server.loadAclFile();
            if (r.error() != null) {
                throw new RedisError("ERR " + r.error());
            }
            killClientsOf(server, r.removed(), c.client());
            c.reply().ok();
        }
    }

    /** {@code ACL SAVE} */
    static final class Save extends BuiltinCommand {
        Save(ServerContext server) {
            super(server, "acl|save");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            if (server.config().aclfile.value().isEmpty()) {
                throw NO_ACL_FILE;
            }
            if (!server.saveAclFile()) {
                throw new RedisError("ERR There was an error trying to save the ACLs. Please check the server "
                        + "logs for more information");
            }
            c.reply().ok();
        }
    }

    /** {@code ACL DRYRUN username command [arg [arg ...]]} */
    static final class Dryrun extends BuiltinCommand {
        Dryrun(ServerContext server) {
            super(server, "acl|dryrun");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Acl acl = server.engine().acl();
            AclUser u = acl.user(args[2]);
            if (u == null) {
                throw new RedisError("ERR User '" + latin1(args[2]) + "' not found");
            }
            byte[][] call = Arrays.copyOfRange(args, 3, args.length);
            CommandEntry e = server.engine().commands().lookup(call);
            if (e == null) {
                throw new RedisError("ERR Command '" + latin1(args[3]) + "' not found");
            }
            if (!e.acceptsArgc(call.length)) {
                throw new RedisError(e.arityError());
            }
            Acl.Denial d = acl.check(u, e, call);
            if (d == null) {
                c.reply().ok();
                return;
            }
            String text = switch (d.reason()) {
                case Acl.DENIED_CMD -> "This user has no permissions to run the '" + e.name() + "' command";
                case Acl.DENIED_KEY -> "This user has no permissions to access the '" + latin1(call[d.argIndex()])
                        + "' key";
                default -> "This user has no permissions to access the '" + latin1(call[d.argIndex()]) + "' channel";
            };
            c.reply().bulk(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
