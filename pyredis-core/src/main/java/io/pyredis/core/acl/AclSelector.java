package io.pyredis.core.acl;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One set of permissions of a user, as acl.c's aclSelector: the commands it may run (a
 * bitmap over the ACL's command ids, plus the first arguments allowed for commands
 * otherwise denied), the key patterns with their read/write rights, and the channel
 * patterns. A user has its root selector and any number of {@code (...)} selectors; a
 * command is allowed when one of them allows it entirely.
 */
public final class AclSelector {

    /** A key pattern's rights (Redis's ACL_READ_PERMISSION, ACL_WRITE_PERMISSION). */
    static final int READ = 1;
    static final int WRITE = 2;
    static final int ALL = READ | WRITE;

    /** A key pattern and its rights. */
    static final class KeyPattern {
        final String pattern;
        final byte[] bytes;
        int flags;

        KeyPattern(String pattern, int flags) {
            this.pattern = pattern;
            this.bytes = Acl.bytes(pattern);
            this.flags = flags;
        }

        /** As sdsCatPatternString. */
        String describe() {
            return (flags == ALL ? "~" : flags == READ ? "%R~" : "%W~") + pattern;
        }
    }

    final boolean root;
    boolean allKeys;
    boolean allChannels;
    boolean allCommands;
    /** Redis's reserved last bit, set by +@all only: the commands loaded later are allowed too. */
    boolean future;
    BitSet allowed = new BitSet();
    /** Command id to the first arguments allowed for it (+select|0), or null when there are none. */
    Map<Integer, List<String>> firstArgs;
    final List<KeyPattern> patterns = new ArrayList<>();
    final List<String> channels = new ArrayList<>();
    List<byte[]> channelBytes = new ArrayList<>();

    AclSelector(boolean root, boolean allChannelsByDefault) {
        this.root = root;
        this.allChannels = allChannelsByDefault;
    }

    AclSelector copy() {
        AclSelector s = new AclSelector(root, allChannels);
        s.allKeys = allKeys;
        s.allCommands = allCommands;
        s.future = future;
        s.allowed = (BitSet) allowed.clone();
        if (firstArgs != null) {
            s.firstArgs = new HashMap<>();
            firstArgs.forEach((k, v) -> s.firstArgs.put(k, new ArrayList<>(v)));
        }
        for (KeyPattern p : patterns) {
            s.patterns.add(new KeyPattern(p.pattern, p.flags));
        }
        s.channels.addAll(channels);
        s.channelBytes = new ArrayList<>(channelBytes);
        return s;
    }

    /** Whether the bit of command {@code id} is set (not the ALLCOMMANDS flag). */
    boolean bit(int id) {
        return allowed.get(id);
    }

    /** As ACLSetSelectorCommandBit: clearing a bit clears ALLCOMMANDS. */
    void bit(int id, boolean value) {
        if (value) {
            allowed.set(id);
        } else {
            allowed.clear(id);
            allCommands = false;
        }
    }

    void resetFirstArgs(int id) {
        if (firstArgs != null) {
            firstArgs.remove(id);
            if (firstArgs.isEmpty()) {
                firstArgs = null;
            }
        }
    }

    void addFirstArg(int id, String arg) {
        if (firstArgs == null) {
            firstArgs = new HashMap<>();
        }
        List<String> l = firstArgs.computeIfAbsent(id, k -> new ArrayList<>());
        for (String a : l) {
            if (a.equalsIgnoreCase(arg)) {
                return;
            }
        }
        l.add(arg);
    }

    void clearChannels() {
        channels.clear();
        channelBytes.clear();
    }

    void addChannel(String c) {
        if (!channels.contains(c)) {
            channels.add(c);
            channelBytes.add(Acl.bytes(c));
        }
    }

    /** ACL GETUSER's keys field. */
    String keysField() {
        if (allKeys) {
            return "~*";
        }
        StringBuilder sb = new StringBuilder();
        for (KeyPattern p : patterns) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(p.describe());
        }
        return sb.toString();
    }

    /** ACL GETUSER's channels field. */
    String channelsField() {
        if (allChannels) {
            return "&*";
        }
        StringBuilder sb = new StringBuilder();
        for (String c : channels) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('&').append(c);
        }
        return sb.toString();
    }
}
