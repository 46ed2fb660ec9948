package io.pyredis.commands.keys;

/**
 * {@code UNLINK key [key ...]}
 *
 * <p>DEL's twin: Redis frees big values in a background thread; here the JVM's collector
 * already does, so it deletes exactly as DEL.
 */
public final class UnlinkCommand extends DelGenericCommand {

    public UnlinkCommand() {
        super("unlink");
    }
}
