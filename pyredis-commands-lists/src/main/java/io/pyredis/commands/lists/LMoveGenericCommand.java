package io.pyredis.commands.lists;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisList;
import io.pyredis.support.GenericCommand;

import java.util.Arrays;

/**
 * LMOVE, RPOPLPUSH, BLMOVE and BRPOPLPUSH ({@code source destination [wherefrom whereto]
 * [timeout]}), as Redis's lmoveGenericCommand and blmoveGenericCommand: pop from one list,
 * push onto another. A missing source replies a null bulk, or blocks the blocking forms.
 */
abstract class LMoveGenericCommand extends GenericCommand {

    private final boolean whereGiven;
    private final byte[] propagatedAs;

    /**
     * @param whereGiven   LMOVE and BLMOVE: the ends are {@code args[3]} and {@code args[4]};
     *                     else from the tail to the head, as RPOPLPUSH
     * @param propagatedAs the blocking forms (their timeout last): the non-blocking command
     *                     a move is replayed as; null for the non-blocking forms
     */
    LMoveGenericCommand(String name, boolean whereGiven, byte[] propagatedAs) {
        super(ListsPack.METADATA.spec(name));
        this.whereGiven = whereGiven;
        this.propagatedAs = propagatedAs;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        boolean fromLeft = whereGiven && Args.isLeft(args[3]);
        boolean toLeft = !whereGiven || Args.isLeft(args[4]);
        if (propagatedAs == null) {
            if (!move(ctx, args[1], args[2], fromLeft, toLeft)) {
                ctx.reply().nullBulk();
            }
            return;
        }
        long timeout = Args.timeoutMillis(args[args.length - 1]);
        if (move(ctx, args[1], args[2], fromLeft, toLeft)) {
            byte[][] replayed = Arrays.copyOf(args, args.length - 1);
            replayed[0] = propagatedAs;
            ctx.propagate(replayed);
        } else if (!ctx.block(new byte[][] {args[1]}, timeout)) {
            // A null bulk when it cannot block, as Redis; a null array on timeout.
            ctx.reply().nullBulk();
        }
    }

    /**
     * Moves one element and replies it; replies nothing and returns false when the source
     * is missing. Both keys are type-checked before anything moves, as Redis does.
     */
    private static boolean move(CommandContext ctx, byte[] source, byte[] destination, boolean fromHead, boolean toHead) {
        Database db = ctx.db();
        RedisList src = db.get(source, RedisList.class);
        if (src == null) {
            return false;
        }
        RedisList dst = db.get(destination, RedisList.class);
        byte[] element = src.pop(fromHead);
        if (dst == null) {
            dst = db.createList();
            dst.push(toHead, element);
            db.set(destination, dst);
        } else {
            dst.push(toHead, element);
            db.modified(destination);
        }
        // The push is reported first, as Redis does.
        ctx.notifyKeyspaceEvent(KeyspaceEvent.LIST, Events.push(toHead), destination);
        // Checked after the push: with source == destination the list is never left empty.
        PopCore.changed(ctx, source, src, Events.pop(fromHead));
        ctx.reply().bulk(element);
        return true;
    }
}
