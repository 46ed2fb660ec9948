package io.pyredis.commands.keys;

/**
 * {@code UNLINK key [key ...]}
 *
 * <p>DEL's twin that never makes the keyspace thread release a big value: it goes to the
 * background (lazyfree), as Redis's dbAsyncDelete.
 */
public final class UnlinkCommand extends DelGenericCommand {

    public UnlinkCommand() {
        super("unlink", true);
    }
}
