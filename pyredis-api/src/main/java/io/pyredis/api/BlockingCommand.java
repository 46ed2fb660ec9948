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
}
