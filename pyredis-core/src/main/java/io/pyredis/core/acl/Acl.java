package io.pyredis.core.acl;

import io.pyredis.api.AclCategory;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeyRef;
import io.pyredis.api.RedisError;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import io.pyredis.core.command.KeyFinder;
import io.pyredis.protocol.RespWriter;
import io.pyredis.support.Glob;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Redis 7.0's ACL (acl.c): the users, the rule language of ACL SETUSER and the ACL file,
 * the description ACL LIST and GETUSER give back, and the permission check processCommand
 * makes (ACLCheckAllUserCommandPerm). Command permissions are bits over ids given to every
 * command and subcommand of the table, categories and key specs come from the commands'
 * metadata (plugin commands included). Names, patterns and passwords are binary: they are
 * kept as strings of ISO-8859-1 chars, one per byte.
 */
public final class Acl {

    /** Redis's ACL_OK and ACL_DENIED_* (the order matters: the highest is reported). */
    public static final int OK = 0;
    public static final int DENIED_CMD = 1;
    public static final int DENIED_KEY = 2;
    public static final int DENIED_AUTH = 3;
    public static final int DENIED_CHANNEL = 4;

    public static final String DEFAULT = "default";

    /** Why a call was denied: the reason and the argument (key or channel) at fault. */
    public record Denial(int reason, int argIndex) {
        /** processCommand's NOPERM text. */
        public String message(CommandEntry e) {
            return switch (reason) {
                case DENIED_CMD -> "NOPERM this user has no permissions to run the '" + e.name() + "' command";
                case DENIED_KEY -> "NOPERM this user has no permissions to access one of the keys used as arguments";
                default -> "NOPERM this user has no permissions to access one of the channels used as arguments";
            };
        }

        /** ACL LOG's object: the command's full name, or the key or channel. */
        public byte[] object(CommandEntry e, byte[][] args) {
            return reason == DENIED_CMD ? bytes(e.name()) : args[argIndex];
        }
    }

    private static final int CH_SUBSCRIBE = 1;
    private static final int CH_PUBLISH = 2;
    private static final int CH_PATTERN = 4;

    private final CommandTable commands;
    private final List<CommandEntry> byId = new ArrayList<>();
    private int indexedTop;
    private TreeMap<String, AclUser> users = new TreeMap<>();
    private final AclUser defaultUser;
    private final AclLog log = new AclLog();
    private boolean pubsubDefaultAll;

    public Acl(CommandTable commands) {
        this.commands = commands;
        this.defaultUser = createDefaultUser();
        users.put(DEFAULT, defaultUser);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    // ---- state ---------------------------------------------------------------------

    public AclUser defaultUser() {
        return defaultUser;
    }

    public AclLog log() {
        return log;
    }

    /** acl-pubsub-default: whether new users (and reset) get allchannels. */
    public void pubsubDefaultAllChannels(boolean all) {
        this.pubsubDefaultAll = all;
    }

    /** Redis's authRequired for a client not authenticated: the default user has a password or is off. */
    public boolean authRequired() {
        return !defaultUser.nopass || !defaultUser.enabled;
    }

    /** Whether a new connection starts authenticated (as the default user). */
    public boolean newClientsAuthenticated() {
        return !authRequired();
    }

    public AclUser user(byte[] name) {
        return users.get(str(name));
    }

    /** The users by name, in Redis's (byte) order. */
    public Collection<AclUser> users() {
        return users.values();
    }

    private AclUser createDefaultUser() {
        AclUser u = new AclUser(DEFAULT, pubsubDefaultAll);
        for (String op : new String[] {"+@all", "~*", "&*", "on", "nopass"}) {
            setUser(u, op);
        }
        u.changed();
        return u;
    }

    // ---- command ids -----------------------------------------------------------------

    /** Gives ids to the table's commands not seen yet; selectors that allow future commands get them. */
    private void index() {
        List<CommandEntry> top = commands.all();
        if (top.size() == indexedTop) {
            return;
        }
        int before = byId.size();
        for (CommandEntry e : top) {
            assign(e);
        }
        indexedTop = top.size();
        for (AclUser u : users.values()) {
            for (AclSelector s : u.selectors) {
                if (s.future) {
                    s.allowed.set(before, byId.size());
                }
            }
        }
    }

    private void assign(CommandEntry e) {
        if (e.aclId() < 0) {
            e.aclId(byId.size());
            byId.add(e);
        }
        if (e.subcommands() != null) {
            for (CommandEntry s : e.subcommands().all()) {
                assign(s);
            }
        }
    }

    private int idOf(CommandEntry e) {
        if (e.aclId() < 0) {
            index();
        }
        return e.aclId();
    }

    /** ACLLookupCommand: {@code name} or {@code container|sub}, any case; null when unknown. */
    private CommandEntry lookup(String name) {
        int bar = name.indexOf('|');
        if (bar < 0) {
            return commands.get(bytes(name));
        }
        if (name.indexOf('|', bar + 1) >= 0) {
            return null;
        }
        CommandEntry c = commands.get(bytes(name.substring(0, bar)));
        if (c == null || c.subcommands() == null) {
            return null;
        }
        return c.subcommands().get(bytes(name.substring(bar + 1)));
    }

    /** The category named {@code name} (any case), or null: ACL rules' and COMMAND LIST FILTERBY ACLCAT's. */
    public static AclCategory category(String name) {
        for (AclCategory c : AclCategory.values()) {
            if (c.redisName().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    // ---- rules -----------------------------------------------------------------------

    /** A rule that cannot be applied; {@link #text} is ACLSetUserStringError's. */
    static final class RuleError extends Exception {
        final String text;

        RuleError(String text) {
            super(text, null, false, false);
            this.text = text;
        }
    }

    private static final String E_UNKNOWN = "Unknown command or category name in ACL";
    private static final String E_SYNTAX = "Syntax error";
    private static final String E_KEYS_AFTER_ALL = "Adding a pattern after the * pattern (or the 'allkeys' flag) is "
            + "not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns";
    private static final String E_CHANNELS_AFTER_ALL = "Adding a pattern after the * pattern (or the 'allchannels' "
            + "flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of "
            + "channels";
    private static final String E_NO_PASSWORD = "The password you are trying to remove from the user does not exist";
    private static final String E_BAD_HASH = "The password hash must be exactly 64 characters and contain only "
            + "lowercase hexadecimal characters";
    private static final String E_FIRSTARG_OF_SUB = "Allowing first-arg of a subcommand is not supported";

    private static boolean hasSpaces(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == ' ' || (c >= '\t' && c <= '\r')) {
                return true;
            }
        }
        return false;
    }

    /** ACLStringHasSpaces: usernames and patterns may have no spaces or NUL bytes. */
    public static boolean hasSpaces(byte[] s) {
        return hasSpaces(str(s), 0);
    }

    private void changePerm(AclSelector s, CommandEntry e, boolean allow) {
        int id = idOf(e);
        s.bit(id, allow);
        s.resetFirstArgs(id);
        if (e.subcommands() != null) {
            for (CommandEntry sub : e.subcommands().all()) {
                s.bit(idOf(sub), allow);
            }
        }
    }

    private void setCategory(AclSelector s, AclCategory cat, boolean allow, List<CommandEntry> entries) {
        for (CommandEntry e : entries) {
            // Plugin commands are covered too: they declare their categories as built-in ones
            // do (as Redis 7.2's modules; 7.0's modules could not, and were skipped).
            if (e.aclCategories().contains(cat)) {
                changePerm(s, e, allow);
            }
            if (e.subcommands() != null) {
                setCategory(s, cat, allow, e.subcommands().all());
            }
        }
    }

    private void allCommands(AclSelector s, boolean allow) {
        index();
        s.allowed.clear();
        if (allow) {
            s.allowed.set(0, byId.size());
        }
        s.future = allow;
        s.allCommands = allow;
        s.firstArgs = null;
    }

    /** ACLSetSelector. */
    private void setSelector(AclSelector s, String op) throws RuleError {
        if (op.equalsIgnoreCase("allkeys") || op.equalsIgnoreCase("~*")) {
            s.allKeys = true;
            s.patterns.clear();
        } else if (op.equalsIgnoreCase("resetkeys")) {
            s.allKeys = false;
            s.patterns.clear();
        } else if (op.equalsIgnoreCase("allchannels") || op.equalsIgnoreCase("&*")) {
            s.allChannels = true;
            s.clearChannels();
        } else if (op.equalsIgnoreCase("resetchannels")) {
            s.allChannels = false;
            s.clearChannels();
        } else if (op.equalsIgnoreCase("allcommands") || op.equalsIgnoreCase("+@all")) {
            allCommands(s, true);
        } else if (op.equalsIgnoreCase("nocommands") || op.equalsIgnoreCase("-@all")) {
            allCommands(s, false);
        } else if (op.charAt(0) == '~' || op.charAt(0) == '%') {
            if (s.allKeys) {
                throw new RuleError(E_KEYS_AFTER_ALL);
            }
            int flags = 0;
            int offset = 1;
            if (op.charAt(0) == '%') {
                for (; offset < op.length(); offset++) {
                    char c = Character.toUpperCase(op.charAt(offset));
                    if (c == 'R' && (flags & AclSelector.READ) == 0) {
                        flags |= AclSelector.READ;
                    } else if (c == 'W' && (flags & AclSelector.WRITE) == 0) {
                        flags |= AclSelector.WRITE;
                    } else if (op.charAt(offset) == '~') {
                        offset++;
                        break;
                    } else {
                        throw new RuleError(E_SYNTAX);
                    }
                }
            } else {
                flags = AclSelector.ALL;
            }
            if (hasSpaces(op, offset)) {
                throw new RuleError(E_SYNTAX);
            }
            String pattern = op.substring(Math.min(offset, op.length()));
            AclSelector.KeyPattern found = null;
            for (AclSelector.KeyPattern p : s.patterns) {
                if (p.pattern.equals(pattern)) {
                    found = p;
                }
            }
            if (found == null) {
                s.patterns.add(new AclSelector.KeyPattern(pattern, flags));
            } else {
                found.flags |= flags;
            }
            s.allKeys = false;
        } else if (op.charAt(0) == '&') {
            if (s.allChannels) {
                throw new RuleError(E_CHANNELS_AFTER_ALL);
            }
            if (hasSpaces(op, 1)) {
                throw new RuleError(E_SYNTAX);
            }
            s.addChannel(op.substring(1));
            s.allChannels = false;
        } else if (op.charAt(0) == '+' && (op.length() < 2 || op.charAt(1) != '@')) {
            int bar = op.lastIndexOf('|');
            if (bar < 0) {
                CommandEntry e = lookup(op.substring(1));
                if (e == null) {
                    throw new RuleError(E_UNKNOWN);
                }
                changePerm(s, e, true);
            } else {
                CommandEntry e = lookup(op.substring(1, bar));
                if (e == null) {
                    throw new RuleError(E_UNKNOWN);
                }
                if (e.parent() != null) {
                    throw new RuleError(E_FIRSTARG_OF_SUB);
                }
                String sub = op.substring(bar + 1);
                if (sub.isEmpty()) {
                    throw new RuleError(E_SYNTAX);
                }
                if (e.subcommands() != null) {
                    CommandEntry se = lookup(op.substring(1));
                    if (se == null) {
                        throw new RuleError(E_UNKNOWN);
                    }
                    changePerm(s, se, true);
                } else {
                    // Redis's allowed_firstargs (SELECT|0, DEBUG|OBJECT): deprecated, still supported.
                    s.addFirstArg(idOf(e), sub);
                }
            }
        } else if (op.charAt(0) == '-' && (op.length() < 2 || op.charAt(1) != '@')) {
            CommandEntry e = lookup(op.substring(1));
            if (e == null) {
                throw new RuleError(E_UNKNOWN);
            }
            changePerm(s, e, false);
        } else if ((op.charAt(0) == '+' || op.charAt(0) == '-') && op.charAt(1) == '@') {
            AclCategory cat = category(op.substring(2));
            if (cat == null) {
                throw new RuleError(E_UNKNOWN);
            }
            index();
            setCategory(s, cat, op.charAt(0) == '+', commands.all());
        } else {
            throw new RuleError(E_SYNTAX);
        }
    }

    /** ACLSetUser, the rule {@code op} applied to {@code u}. */
    private void apply(AclUser u, String op) throws RuleError {
        u.description = null;
        if (op.isEmpty()) {
            return;
        }
        if (op.equalsIgnoreCase("on")) {
            u.enabled = true;
        } else if (op.equalsIgnoreCase("off")) {
            u.enabled = false;
        } else if (op.equalsIgnoreCase("skip-sanitize-payload")) {
            u.sanitize = AclUser.SKIP_SANITIZE;
        } else if (op.equalsIgnoreCase("sanitize-payload")) {
            u.sanitize = AclUser.SANITIZE;
        } else if (op.equalsIgnoreCase("nopass")) {
            u.nopass = true;
            u.passwords.clear();
        } else if (op.equalsIgnoreCase("resetpass")) {
            u.nopass = false;
            u.passwords.clear();
        } else if (op.charAt(0) == '>' || op.charAt(0) == '#') {
            String hash = op.charAt(0) == '>' ? hash(bytes(op.substring(1))) : checkedHash(op.substring(1));
            if (!u.passwords.contains(hash)) {
                u.passwords.add(hash);
            }
            u.nopass = false;
        } else if (op.charAt(0) == '<' || op.charAt(0) == '!') {
            String hash = op.charAt(0) == '<' ? hash(bytes(op.substring(1))) : checkedHash(op.substring(1));
            if (!u.passwords.remove(hash)) {
                throw new RuleError(E_NO_PASSWORD);
            }
        } else if (op.charAt(0) == '(' && op.charAt(op.length() - 1) == ')') {
            AclSelector s = new AclSelector(false, pubsubDefaultAll);
            for (String o : splitArgs(op.substring(1, op.length() - 1))) {
                setSelector(s, o);
            }
            u.selectors.add(s);
        } else if (op.equalsIgnoreCase("clearselectors")) {
            u.selectors.subList(1, u.selectors.size()).clear();
        } else if (op.equalsIgnoreCase("reset")) {
            apply(u, "resetpass");
            apply(u, "resetkeys");
            apply(u, "resetchannels");
            if (pubsubDefaultAll) {
                apply(u, "allchannels");
            }
            apply(u, "off");
            apply(u, "sanitize-payload");
            apply(u, "clearselectors");
            apply(u, "-@all");
        } else {
            setSelector(u.root(), op);
        }
    }

    /** Applies {@code op} to {@code u}, for rules known to be valid. */
    private void setUser(AclUser u, String op) {
        try {
            apply(u, op);
        } catch (RuleError e) {
            throw new IllegalStateException(op, e);
        }
        u.changed();
    }

    private static String checkedHash(String h) throws RuleError {
        if (h.length() != 64) {
            throw new RuleError(E_BAD_HASH);
        }
        for (int i = 0; i < 64; i++) {
            char c = h.charAt(i);
            if ((c < 'a' || c > 'f') && (c < '0' || c > '9')) {
                throw new RuleError(E_BAD_HASH);
            }
        }
        return h;
    }

    /** ACLHashPassword: SHA-256 in lower-case hex. */
    public static String hash(byte[] password) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(password);
            StringBuilder sb = new StringBuilder(64);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** sdssplitargs, as the contents of a selector are split: spaces separate, quotes group. */
    static List<String> splitArgs(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            StringBuilder cur = new StringBuilder();
            char quote = 0;
            while (i < n) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == '\\' && quote == '"' && i + 1 < n) {
                        cur.append(line.charAt(++i));
                    } else if (c == quote) {
                        quote = 0;
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (Character.isWhitespace(c)) {
                    break;
                } else {
                    cur.append(c);
                }
                i++;
            }
            out.add(cur.toString());
        }
    }

    /**
     * ACLMergeSelectorArguments: a selector spread over several arguments ({@code (~key},
     * {@code +get)}) joined into one; null when a parenthesis is left open, with its index
     * in {@code invalid[0]}.
     */
    static List<String> mergeSelectors(List<String> args, int[] invalid) {
        List<String> out = new ArrayList<>();
        StringBuilder selector = null;
        int open = -1;
        for (int j = 0; j < args.size(); j++) {
            String op = args.get(j);
            if (!op.isEmpty() && op.charAt(0) == '(' && op.charAt(op.length() - 1) != ')') {
                selector = new StringBuilder(op);
                open = j;
                continue;
            }
            if (open != -1) {
                selector.append(' ').append(op);
                if (!op.isEmpty() && op.charAt(op.length() - 1) == ')') {
                    open = -1;
                    out.add(selector.toString());
                }
                continue;
            }
            out.add(op);
        }
        if (open != -1) {
            invalid[0] = open;
            return null;
        }
        return out;
    }

    /**
     * ACLStringSetUser's validation: the user ({@code existing}, or a new one) with the
     * rules applied, as a copy not yet in place; an error as Redis words it.
     */
    public AclUser stage(AclUser existing, byte[] name, List<byte[]> rules) {
        List<String> ops = new ArrayList<>();
        for (byte[] r : rules) {
            ops.add(str(r));
        }
        int[] invalid = new int[1];
        List<String> merged = mergeSelectors(ops, invalid);
        if (merged == null) {
            throw new RedisError("ERR Unmatched parenthesis in acl selector starting at '" + ops.get(invalid[0]) + "'.");
        }
        AclUser temp = new AclUser(str(name), pubsubDefaultAll);
        if (existing != null) {
            temp.copyFrom(existing);
        }
        for (String op : merged) {
            try {
                apply(temp, op);
            } catch (RuleError e) {
                throw new RedisError(safe("ERR Error in ACL SETUSER modifier '" + op + "': " + e.text));
            }
        }
        temp.changed();
        return temp;
    }

    /** Puts a staged user in place: into {@code existing} (its clients keep it) or as a new user. */
    public AclUser commit(AclUser existing, AclUser staged) {
        AclUser u = existing;
        if (u == null) {
            u = new AclUser(staged.name(), pubsubDefaultAll);
            users.put(u.name(), u);
        }
        u.copyFrom(staged);
        return u;
    }

    /** addReplyErrorSdsSafe: newlines in an error become spaces. */
    private static String safe(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }

    /** Removes a user (not default); returns it, or null when there was none. */
    public AclUser delete(byte[] name) {
        return users.remove(str(name));
    }

    /** ACLUpdateDefaultUserPassword, for requirepass: empty means nopass. */
    public void defaultPassword(byte[] password) {
        setUser(defaultUser, "resetpass");
        if (password == null || password.length == 0) {
            setUser(defaultUser, "nopass");
        } else {
            setUser(defaultUser, ">" + str(password));
        }
    }

    /**
     * ACLCheckUserCredentials: the user when it exists, is on and the password matches one
     * of its hashes (or it is nopass); null otherwise.
     */
    public AclUser credentials(byte[] name, byte[] password) {
        AclUser u = users.get(str(name));
        if (u == null || !u.enabled) {
            return null;
        }
        if (u.nopass) {
            return u;
        }
        byte[] h = bytes(hash(password));
        for (String p : u.passwords) {
            if (MessageDigest.isEqual(h, bytes(p))) {
                return u;
            }
        }
        return null;
    }

    // ---- checks ----------------------------------------------------------------------

    /**
     * ACLCheckAllUserCommandPerm: null when {@code u} may run the call, else why not (no
     * selector allows the command: the command; else the last key or channel that no
     * selector could match).
     */
    public Denial check(AclUser u, CommandEntry e, byte[][] args) {
        if (u == null) {
            return null;
        }
        int relevant = DENIED_CMD;
        int lastIdx = 0;
        List<KeyRef>[] cache = null;
        int[] idx = new int[1];
        for (AclSelector s : u.selectors) {
            if (cache == null && !s.allKeys) {
                @SuppressWarnings("unchecked")
                List<KeyRef>[] c = new List[1];
                cache = c;
            }
            int r = checkSelector(s, e, args, idx, cache);
            if (r == OK) {
                return null;
            }
            if (r > relevant || (r == relevant && idx[0] > lastIdx)) {
                relevant = r;
                lastIdx = idx[0];
            }
        }
        return new Denial(relevant, lastIdx);
    }

    /** ACLSelectorCheckCmd. */
    private int checkSelector(AclSelector s, CommandEntry e, byte[][] args, int[] idx, List<KeyRef>[] cache) {
        if (!s.allCommands && !e.noAuth()) {
            int id = idOf(e);
            if (!s.bit(id)) {
                List<String> first = s.firstArgs == null ? null : s.firstArgs.get(id);
                int i = e.parent() != null ? 2 : 1;
                if (first == null || args.length <= i) {
                    return DENIED_CMD;
                }
                String arg = str(args[i]);
                boolean match = false;
                for (String f : first) {
                    if (f.equalsIgnoreCase(arg)) {
                        match = true;
                        break;
                    }
                }
                if (!match) {
                    return DENIED_CMD;
                }
            }
        }
        if (!s.allKeys && KeyFinder.hasKeys(e)) {
            if (cache[0] == null) {
                cache[0] = KeyFinder.keys(e, args);
            }
            for (KeyRef k : cache[0]) {
                if (!keyAllowed(s, args[k.index()], k.flags())) {
                    idx[0] = k.index();
                    return DENIED_KEY;
                }
            }
        }
        int ch = channelFlags(e);
        if (!s.allChannels && (ch & (CH_PUBLISH | CH_SUBSCRIBE)) != 0) {
            int stop = (ch & CH_PUBLISH) != 0 ? Math.min(2, args.length) : args.length;
            for (int i = 1; i < stop; i++) {
                if (!channelInList(s.channelBytes, args[i], (ch & CH_PATTERN) != 0)) {
                    idx[0] = i;
                    return DENIED_CHANNEL;
                }
            }
        }
        return OK;
    }

    /** ACLSelectorCheckKey: some pattern with the rights the key spec's flags need matches. */
    private static boolean keyAllowed(AclSelector s, byte[] key, Set<KeyFlag> flags) {
        int need = rightsNeeded(flags);
        for (AclSelector.KeyPattern p : s.patterns) {
            if ((p.flags & need) == need && Glob.matches(p.bytes, key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the user may access every key with the rights of {@code flags}
     * (ACLUserCheckCmdWithUnrestrictedKeyAccess, as SORT's BY and GET need) in a
     * selector that allows the call.
     */
    public boolean unrestrictedKeyAccess(AclUser u, CommandEntry e, byte[][] args, Set<KeyFlag> flags) {
        if (u == null) {
            return true;
        }
        @SuppressWarnings("unchecked")
        List<KeyRef>[] cache = new List[1];
        int[] idx = new int[1];
        for (AclSelector s : u.selectors) {
            if (checkSelector(s, e, args, idx, cache) == OK && (s.allKeys || hasStarPattern(s, flags))) {
                return true;
            }
        }
        return false;
    }

    /** The rights a key spec's flags need: read for ACCESS, write for INSERT, DELETE and UPDATE. */
    private static int rightsNeeded(Set<KeyFlag> flags) {
        int need = 0;
        if (flags.contains(KeyFlag.ACCESS)) {
            need |= AclSelector.READ;
        }
        if (flags.contains(KeyFlag.INSERT) || flags.contains(KeyFlag.DELETE) || flags.contains(KeyFlag.UPDATE)) {
            need |= AclSelector.WRITE;
        }
        return need;
    }

    private static boolean hasStarPattern(AclSelector s, Set<KeyFlag> flags) {
        int need = rightsNeeded(flags);
        for (AclSelector.KeyPattern p : s.patterns) {
            if ((p.flags & need) == need && p.pattern.equals("*")) {
                return true;
            }
        }
        return false;
    }

    /**
     * ACLCheckChannelAgainstList: a channel is matched against the patterns; a PSUBSCRIBE
     * pattern only literally.
     */
    static boolean channelInList(List<byte[]> list, byte[] channel, boolean pattern) {
        for (byte[] p : list) {
            if (pattern ? java.util.Arrays.equals(p, channel) : Glob.matches(p, channel)) {
                return true;
            }
        }
        return false;
    }

    /** Redis's commands_with_channels table (db.c): the commands whose arguments are channels. */
    private static int channelFlags(CommandEntry e) {
        return switch (e.name()) {
            case "subscribe", "ssubscribe" -> CH_SUBSCRIBE;
            case "psubscribe" -> CH_SUBSCRIBE | CH_PATTERN;
            case "publish", "spublish" -> CH_PUBLISH;
            default -> 0;
        };
    }

    /**
     * ACLKillPubsubClientsIfNeeded's first part: the channel patterns of {@code updated}
     * when its subscribers may have lost channels they had with {@code original}, or null
     * when they keep them all (a selector with allchannels, or a superset of patterns).
     */
    public static List<byte[]> revokedChannelsCheck(AclUser updated, AclUser original) {
        for (AclSelector s : updated.selectors) {
            if (s.allChannels) {
                return null;
            }
        }
        List<byte[]> upcoming = new ArrayList<>();
        for (AclSelector s : updated.selectors) {
            upcoming.addAll(s.channelBytes);
        }
        for (AclSelector s : original.selectors) {
            if (s.allChannels) {
                return upcoming;
            }
            for (byte[] c : s.channelBytes) {
                if (!containsBytes(upcoming, c)) {
                    return upcoming;
                }
            }
        }
        return null;
    }

    private static boolean containsBytes(List<byte[]> l, byte[] b) {
        for (byte[] x : l) {
            if (java.util.Arrays.equals(x, b)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code channel} (a pattern subscription when {@code pattern}) is in {@code upcoming}. */
    public static boolean channelKept(List<byte[]> upcoming, byte[] channel, boolean pattern) {
        return channelInList(upcoming, channel, pattern);
    }

    // ---- descriptions ------------------------------------------------------------------

    /** ACLDescribeSelectorCommandRules: +@all or -@all, the best-fitting categories, then single commands. */
    String describeCommandRules(AclSelector sel) {
        index();
        StringBuilder rules = new StringBuilder();
        AclSelector fake = new AclSelector(false, false);
        boolean additive;
        if (sel.future) {
            additive = false;
            rules.append("+@all ");
            allCommands(fake, true);
        } else {
            additive = true;
            rules.append("-@all ");
            allCommands(fake, false);
        }
        AclSelector temp = new AclSelector(false, false);
        temp.allowed = (BitSet) sel.allowed.clone();
        AclCategory[] cats = AclCategory.values();
        boolean[] applied = new boolean[cats.length];
        List<CommandEntry> top = commands.all();
        while (true) {
            int best = -1;
            long minDiff = Integer.MAX_VALUE;
            long maxSame = 0;
            for (int j = 0; j < cats.length; j++) {
                if (applied[j]) {
                    continue;
                }
                long[] onOff = new long[2];
                count(temp, cats[j], top, onOff);
                long diff = additive ? onOff[1] : onOff[0];
                long same = additive ? onOff[0] : onOff[1];
                if (same > diff && (diff < minDiff || (diff == minDiff && same > maxSame))) {
                    best = j;
                    minDiff = diff;
                    maxSame = same;
                }
            }
            if (best == -1) {
                break;
            }
            setCategory(fake, cats[best], additive, top);
            setCategory(temp, cats[best], !additive, top);
            rules.append(additive ? "+@" : "-@").append(cats[best].redisName()).append(' ');
            applied[best] = true;
        }
        singleCommands(sel, fake, rules, top);
        rules.setLength(rules.length() - 1);
        return rules.toString();
    }

    private static void count(AclSelector s, AclCategory cat, List<CommandEntry> entries, long[] onOff) {
        for (CommandEntry e : entries) {
            if (e.aclCategories().contains(cat)) {
                onOff[s.bit(e.aclId()) ? 0 : 1]++;
            }
            if (e.subcommands() != null) {
                count(s, cat, e.subcommands().all(), onOff);
            }
        }
    }

    private void singleCommands(AclSelector sel, AclSelector fake, StringBuilder rules, List<CommandEntry> entries) {
        for (CommandEntry e : entries) {
            boolean userBit = sel.bit(e.aclId());
            if (userBit != fake.bit(e.aclId())) {
                rules.append(userBit ? '+' : '-').append(e.name()).append(' ');
                changePerm(fake, e, userBit);
            }
            if (e.subcommands() != null) {
                singleCommands(sel, fake, rules, e.subcommands().all());
            }
            if (!userBit && sel.firstArgs != null && sel.firstArgs.containsKey(e.aclId())) {
                for (String a : sel.firstArgs.get(e.aclId())) {
                    rules.append('+').append(e.name()).append('|').append(a).append(' ');
                }
            }
        }
    }

    /** ACLDescribeSelector: keys, channels, then command rules. */
    private String describeSelector(AclSelector s) {
        StringBuilder sb = new StringBuilder();
        if (s.allKeys) {
            sb.append("~* ");
        } else {
            for (AclSelector.KeyPattern p : s.patterns) {
                sb.append(p.describe()).append(' ');
            }
        }
        if (s.allChannels) {
            sb.append("&* ");
        } else {
            sb.append("resetchannels ");
            for (String c : s.channels) {
                sb.append('&').append(c).append(' ');
            }
        }
        sb.append(describeCommandRules(s));
        return sb.toString();
    }

    /** ACLDescribeUser: the user's rules as ACL LIST and the ACL file show them. */
    public String describe(AclUser u) {
        if (u.description != null) {
            return u.description;
        }
        StringBuilder sb = new StringBuilder();
        for (String f : flagNames(u)) {
            sb.append(f).append(' ');
        }
        for (String p : u.passwords) {
            sb.append('#').append(p).append(' ');
        }
        for (AclSelector s : u.selectors) {
            if (s.root) {
                sb.append(describeSelector(s));
            } else {
                sb.append(" (").append(describeSelector(s)).append(')');
            }
        }
        u.description = sb.toString();
        return u.description;
    }

    /** The user's flags in ACLUserFlags' order. */
    private static List<String> flagNames(AclUser u) {
        List<String> f = new ArrayList<>(3);
        f.add(u.enabled ? "on" : "off");
        if (u.nopass) {
            f.add("nopass");
        }
        if (u.sanitize == AclUser.SKIP_SANITIZE) {
            f.add("skip-sanitize-payload");
        } else if (u.sanitize == AclUser.SANITIZE) {
            f.add("sanitize-payload");
        }
        return f;
    }

    /** {@code user <name> <rules>}: an ACL LIST line, an ACL file line. */
    public byte[] line(AclUser u) {
        return bytes("user " + u.name() + " " + describe(u));
    }

    /** ACL GETUSER's reply. */
    public void writeUser(RespWriter w, AclUser u) {
        w.map(6);
        w.bulk("flags");
        List<String> flags = flagNames(u);
        w.set(flags.size());
        for (String f : flags) {
            w.bulk(f);
        }
        w.bulk("passwords");
        w.array(u.passwords.size());
        for (String p : u.passwords) {
            w.bulk(p);
        }
        writeSelector(w, u.root());
        w.bulk("selectors");
        w.array(u.selectors.size() - 1);
        for (AclSelector s : u.selectors.subList(1, u.selectors.size())) {
            w.map(3);
            writeSelector(w, s);
        }
    }

    private void writeSelector(RespWriter w, AclSelector s) {
        w.bulk("commands");
        w.bulk(describeCommandRules(s));
        w.bulk("keys");
        w.bulk(bytes(s.keysField()));
        w.bulk("channels");
        w.bulk(bytes(s.channelsField()));
    }

    /** ACL CAT category: the full names of its commands and subcommands (not modules'). */
    public List<String> commandsIn(String category) {
        AclCategory cat = category(category);
        if (cat == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        collect(commands.all(), cat, out);
        return out;
    }

    private static void collect(List<CommandEntry> entries, AclCategory cat, List<String> out) {
        for (CommandEntry e : entries) {
            if (e.module() != null) {
                continue;
            }
            if (e.aclCategories().contains(cat)) {
                out.add(e.name());
            }
            if (e.subcommands() != null) {
                collect(e.subcommands().all(), cat, out);
            }
        }
    }

    // ---- the ACL file ---------------------------------------------------------------

    /**
     * ACLLoadFromFile's parsing and validation: the users {@code text} defines, or an
     * error text as Redis's (naming {@code filename}) when any line is wrong, in which case
     * nothing changes. On success the users are replaced (the default user's rules copied
     * into the same object); the users that no longer exist are returned, for their clients
     * to be closed.
     */
    public LoadResult load(String filename, String text) {
        TreeMap<String, AclUser> loaded = new TreeMap<>();
        StringBuilder errors = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int linenum = i + 1;
            String line = trim(lines[i], " \t\r\n");
            if (line.isEmpty()) {
                continue;
            }
            String[] argv = line.split(" ", -1);
            if (!argv[0].equals("user") || argv.length < 2) {
                errors.append(filename).append(':').append(linenum)
                        .append(" should start with user keyword followed by the username. ");
                continue;
            }
            if (hasSpaces(argv[1], 0)) {
                errors.append('\'').append(filename).append(':').append(linenum).append(": username '")
                        .append(argv[1]).append("' contains invalid characters. ");
                continue;
            }
            if (loaded.containsKey(argv[1])) {
                errors.append("WARNING: Duplicate user '").append(argv[1]).append("' found on line ")
                        .append(linenum).append(". ");
                continue;
            }
            AclUser u = new AclUser(argv[1], pubsubDefaultAll);
            loaded.put(argv[1], u);
            List<String> ops = new ArrayList<>(List.of(argv).subList(2, argv.length));
            List<String> merged = mergeSelectors(ops, new int[1]);
            if (merged == null) {
                errors.append(filename).append(':').append(linenum)
                        .append(": Unmatched parenthesis in selector definition.");
                merged = List.of();
            }
            boolean syntaxError = false;
            for (String op : merged) {
                op = trim(op, "\t\r\n");
                try {
                    apply(u, op);
                } catch (RuleError e) {
                    if (e.text.equals(E_UNKNOWN)) {
                        errors.append(filename).append(':').append(linenum).append(": Error in applying operation '")
                                .append(op).append("': ").append(e.text).append(". ");
                    } else if (!syntaxError) {
                        errors.append(filename).append(':').append(linenum).append(": ").append(e.text).append(". ");
                        syntaxError = true;
                    }
                }
            }
            u.changed();
        }
        if (errors.length() > 0) {
            errors.append("WARNING: ACL errors detected, no change to the previously active ACL rules was performed");
            return new LoadResult(errors.toString(), List.of());
        }
        AclUser newDefault = loaded.remove(DEFAULT);
        if (newDefault == null) {
            newDefault = createDefaultUser();
        }
        defaultUser.copyFrom(newDefault);
        List<AclUser> removed = new ArrayList<>(users.values());
        removed.remove(defaultUser);
        loaded.put(DEFAULT, defaultUser);
        users = loaded;
        return new LoadResult(null, removed);
    }

    /**
     * The users of the config's {@code user} directives ({@code "name rule rule ..."}), as
     * ACLAppendUserForLoading validates them and ACLLoadConfiguredUsers creates them (the
     * default user is reset first): null when done, else the error to stop the start with.
     */
    public String loadConfigured(List<String> definitions) {
        List<String> seen = new ArrayList<>();
        List<List<String>> parsed = new ArrayList<>();
        for (String def : definitions) {
            List<String> argv = splitArgs(def);
            if (argv.isEmpty()) {
                return "Error in user declaration '': Wrong format";
            }
            String name = argv.get(0);
            if (seen.contains(name)) {
                return "Error in user declaration '" + name + "': Duplicate user found. A user can only be defined "
                        + "once in config files";
            }
            seen.add(name);
            List<String> merged = mergeSelectors(argv.subList(1, argv.size()), new int[1]);
            if (merged == null) {
                return "Error in user declaration '" + name + "': Unmatched parenthesis in acl selector";
            }
            AclUser fake = new AclUser(name, pubsubDefaultAll);
            for (int j = 0; j < merged.size(); j++) {
                try {
                    apply(fake, merged.get(j));
                } catch (RuleError e) {
                    if (!e.text.equals(E_UNKNOWN)) {
                        // Redis names argv[j] of the whole directive ("user" first), not the rule.
                        return "Error in user declaration '" + (j == 0 ? "user" : argv.get(j - 1)) + "': " + e.text;
                    }
                }
            }
            List<String> rules = new ArrayList<>();
            rules.add(name);
            rules.addAll(merged);
            parsed.add(rules);
        }
        for (List<String> rules : parsed) {
            String name = rules.get(0);
            if (hasSpaces(name, 0)) {
                return "Spaces not allowed in ACL usernames";
            }
            AclUser u = users.get(name);
            if (u == null) {
                u = new AclUser(name, pubsubDefaultAll);
                users.put(name, u);
            } else {
                setUser(u, "reset");
            }
            for (String op : rules.subList(1, rules.size())) {
                try {
                    apply(u, op);
                } catch (RuleError e) {
                    u.changed();
                    return "Error loading ACL rule '" + op + "' for the user named '" + name + "': " + e.text;
                }
            }
            u.changed();
        }
        return null;
    }

    /** What {@link #load} did: an error text (nothing changed), or the users dropped. */
    public record LoadResult(String error, List<AclUser> removed) {
    }

    /** ACLSaveToFile's contents: one line per user. */
    public String save() {
        StringBuilder sb = new StringBuilder();
        for (AclUser u : users.values()) {
            sb.append(str(line(u))).append('\n');
        }
        return sb.toString();
    }

    /** sdstrim: the characters of {@code set} removed from both ends. */
    private static String trim(String s, String set) {
        int a = 0;
        int b = s.length();
        while (a < b && set.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && set.indexOf(s.charAt(b - 1)) >= 0) {
            b--;
        }
        return s.substring(a, b);
    }
}
