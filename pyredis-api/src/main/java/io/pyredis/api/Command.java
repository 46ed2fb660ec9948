package io.pyredis.api;

import java.util.List;

/**
 * One Redis command. Implementations are stateless and are called on the server's
 * single command thread, so a command runs to completion with nobody else touching
 * the keyspace: it needs no locks and is atomic, as in Redis.
 *
 * <p>The server has already checked arity (from {@link CommandSpec#arity()}),
 * authentication and the other checks its {@link CommandSpec} asks for before
 * {@link #execute} is called; a handler never re-checks them.
 *
 * @since 0.1
 */
public interface Command {

    /** Name, arity, flags, key positions and docs: what COMMAND replies from. */
    CommandSpec spec();

    /**
     * Runs the command and writes exactly one reply to {@code ctx.reply()}.
     *
     * @param args the whole request as sent, {@code args[0]} being the command name
     *             (and {@code args[1]} the subcommand name, for subcommands)
     * @throws RedisError for errors a user can cause; the dispatcher turns it into the
     *                    error reply, so throw it before writing any part of a reply
     */
    void execute(CommandContext ctx, byte[][] args);

    /**
     * Subcommands, for container commands such as {@code CONFIG} or {@code OBJECT}.
     * When non-empty the dispatcher looks {@code args[1]} up here (case-insensitively),
     * checks the subcommand's own arity and calls its {@code execute}; an unknown one is
     * answered with Redis's {@code ERR unknown subcommand '...'. Try NAME HELP.}
     * A subcommand's spec name is {@code "container|sub"}, as in Redis.
     */
    default List<Command> subcommands() {
        return List.of();
    }

    /**
     * The keys of one call, for a command whose key specs cannot tell them all (Redis's
     * {@code getkeys_proc}): one whose specs have the {@link KeyFlag#INCOMPLETE} or
     * {@link KeyFlag#VARIABLE_FLAGS} flag (SET's key is read only with GET), or whose key
     * count the specs cannot find in a malformed call. The server asks it only then, for
     * COMMAND GETKEYS and whatever else needs a call's keys; the default, null, means the
     * specs say it all (and such a call has no keys).
     *
     * @param args the whole call, {@code args[0]} the command name; not checked yet, so it
     *             may be malformed (return what Redis would, often no keys)
     * @since 0.1
     */
    default List<KeyRef> keys(byte[][] args) {
        return null;
    }

    /**
     * This call's flags when they depend on its arguments, as Redis's getCommandFlags: EVAL
     * of a script whose shebang declares {@code no-writes} or {@code allow-oom} is checked
     * as a read-only or an OOM-allowed command. The server asks it before running the call
     * (its OOM, disk-error and read-only checks), and only of commands that override it.
     *
     * @return the call's flags, or null (the default) for the spec's
     * @since 0.1
     */
    default java.util.Set<CommandFlag> callFlags(byte[][] args) {
        return null;
    }
}
