package io.pyredis.support;

import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyRef;

import java.util.List;

/**
 * A generic command whose keys a numkeys argument counts, {@code COMMAND [destination]
 * [timeout] numkeys key [key ...] ...}: ZUNION and its family, SINTERCARD, LMPOP, ZMPOP and
 * their blocking forms. Their getkeys procs (zunionInterDiffGetKeys, sintercardGetKeys,
 * lmpopGetKeys, blmpopGetKeys ...) are all Redis's genericGetKeys at other positions, which
 * is what {@link #keys} answers, for the calls whose key specs cannot find the keys (a bad
 * numkeys).
 *
 * @since 0.1
 */
public abstract class NumkeysGenericCommand extends GenericCommand {

    private final int destination;
    private final int numkeys;

    /**
     * @param destination where the destination key is, 0 for none
     * @param numkeys     where numkeys is; the keys follow it
     * @since 0.1
     */
    protected NumkeysGenericCommand(CommandSpec spec, int destination, int numkeys) {
        super(spec);
        this.destination = destination;
        this.numkeys = numkeys;
    }

    @Override
    public final List<KeyRef> keys(byte[][] args) {
        return CallKeys.numkeys(args, destination, numkeys, numkeys + 1, 1);
    }

    /**
     * Where numkeys is in a call.
     *
     * @since 0.1
     */
    protected final int numkeysIndex() {
        return numkeys;
    }
}
