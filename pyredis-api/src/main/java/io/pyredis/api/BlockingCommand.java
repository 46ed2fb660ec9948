package io.pyredis.api;

/**
 * A command that can block its client until a key is ready, as BLPOP does. Its
 * {@link #execute} either replies, or, finding nothing to serve, calls
 * {@link CommandContext#block} and returns without replying. The server then runs
 * {@code execute} again, with the same arguments, each time one of the keys is
 * modified (after the command that modified it has completed), serving the
 * longest-waiting client first; or calls {@link #timeout} when the time is up.
 *
 * @since 0.1
 */
public interface BlockingCommand extends Command {

    /**
     * Replies for a client whose timeout passed with no key ready, or who was unblocked
     * by {@code CLIENT UNBLOCK ... TIMEOUT}. Redis's list and sorted-set pops reply a null
     * array, which is the default; BLMOVE replies a null bulk.
     */
    default void timeout(CommandContext ctx, byte[][] args) {
        ctx.reply().nullArray();
    }

    /**
     * Whether a client waiting on a key that was modified runs again, now that the key
     * holds a value of {@code type} ({@code null}: the key is gone). The default re-runs it
     * whenever the key exists, as BLPOP needs; XREAD waits for a stream only.
     *
     * @since 0.1
     */
    default boolean rerunsFor(DataType type) {
        return type != null;
    }

    /**
     * The error that ends the wait of a client whose key is gone, or holds a value
     * {@link #rerunsFor} refuses ({@code type}, null when gone), as Redis answers XREADGROUP
     * with {@code UNBLOCKED the stream key no longer exists}; null, the default, keeps it
     * waiting.
     *
     * @since 0.1
     */
    default String keyGoneError(DataType type) {
        return null;
    }
}
