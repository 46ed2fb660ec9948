package io.pyredis.core.acl;

import java.util.ArrayList;
import java.util.List;

/**
 * A user, as acl.c's user: on or off, nopass or its password hashes, the payload
 * sanitizing flag, and its selectors (the root one first). Clients point at the user they
 * authenticated as; rules changed by ACL SETUSER are copied into the same object, so they
 * take effect for those clients at once.
 */
public final class AclUser {

    static final int SANITIZE = 1;
    static final int SKIP_SANITIZE = 2;

    private final String name;
    private final byte[] nameBytes;
    boolean enabled;
    boolean nopass;
    /** 0, {@link #SANITIZE} or {@link #SKIP_SANITIZE}. */
    int sanitize;
    List<String> passwords = new ArrayList<>();
    List<AclSelector> selectors = new ArrayList<>();
    /** ACL LIST's description, cached until a rule changes (Redis's acl_string). */
    String description;
    /** One selector with every command, key and channel: the check is skipped (the fast path). */
    private boolean unrestricted;

    AclUser(String name, boolean allChannelsByDefault) {
        this.name = name;
        this.nameBytes = Acl.bytes(name);
        selectors.add(new AclSelector(true, allChannelsByDefault));
    }

    /** The name (its bytes as ISO-8859-1 chars). */
    public String name() {
        return name;
    }

    /** The name as sent. */
    public byte[] nameBytes() {
        return nameBytes;
    }

    /** Whether the user is on. */
    public boolean enabled() {
        return enabled;
    }

    /** Whether any password is accepted. */
    public boolean nopass() {
        return nopass;
    }

    /**
     * Whether the user may run everything on everything (one selector with allcommands,
     * allkeys and allchannels): the call unit skips the ACL check for it.
     */
    public boolean unrestricted() {
        return unrestricted;
    }

    AclSelector root() {
        return selectors.get(0);
    }

    /** Recomputes what depends on the rules; called after every change. */
    void changed() {
        description = null;
        AclSelector r = root();
        unrestricted = selectors.size() == 1 && r.allCommands && r.allKeys && r.allChannels;
    }

    /** As ACLCopyUser: the rules of {@code src}, the name kept. */
    void copyFrom(AclUser src) {
        enabled = src.enabled;
        nopass = src.nopass;
        sanitize = src.sanitize;
        passwords = new ArrayList<>(src.passwords);
        selectors = new ArrayList<>();
        for (AclSelector s : src.selectors) {
            selectors.add(s.copy());
        }
        changed();
    }

    /** Whether the channel (a pattern of PSUBSCRIBE when {@code pattern}) is allowed by some selector. */
    public boolean channelAllowed(byte[] channel, boolean pattern) {
        for (AclSelector s : selectors) {
            if (s.allChannels || Acl.channelInList(s.channelBytes, channel, pattern)) {
                return true;
            }
        }
        return false;
    }
}
