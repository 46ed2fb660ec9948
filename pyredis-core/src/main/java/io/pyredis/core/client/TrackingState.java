package io.pyredis.core.client;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A client's client-side caching state while CLIENT TRACKING is on, as the CLIENT_TRACKING_*
 * flags and the client_tracking_* fields of Redis's client struct. Its keys and prefixes are
 * kept by the engine's tracking table; this is only what belongs to the client.
 */
public final class TrackingState {

    /** BCAST: invalidations for every key under a prefix, not for the keys read. */
    public boolean bcast;
    /** OPTIN: only the keys of a command after CLIENT CACHING YES are tracked. */
    public boolean optin;
    /** OPTOUT: the keys of a command after CLIENT CACHING NO are not tracked. */
    public boolean optout;
    /** CLIENT CACHING was given for the next command (or transaction). */
    public boolean caching;
    /** NOLOOP: no invalidation for the client's own writes. */
    public boolean noloop;
    /** The redirect client went away (CLIENT LIST's R, TRACKINGINFO's broken_redirect). */
    public boolean brokenRedirect;
    /** The id of the client invalidations go to, 0 for this client's own connection. */
    public long redirect;
    /** BCAST's prefixes, in Redis's (byte) order. */
    public final TreeSet<byte[]> prefixes = new TreeSet<>(Arrays::compareUnsigned);

    /**
     * A command of this client ended, run or rejected, as Redis's resetClient: CLIENT CACHING
     * lasts for the next command, or the next transaction when given before MULTI or inside
     * it; CLIENT's own subcommands keep it.
     *
     * @param command the command's name ({@code client|caching} for a subcommand), or null
     *                when none was found (an unknown command or subcommand)
     */
    public void commandEnded(boolean inMulti, String command) {
        if (caching && !inMulti && (command == null || !command.startsWith("client|"))) {
            caching = false;
        }
    }
}
