package io.pyredis.commands.strings;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.support.GenericCommand;

/** SETEX and PSETEX ({@code key time value}): SET with EX or PX, as Redis's setGenericCommand. */
abstract class SetExGenericCommand extends GenericCommand {

    private final int unit;
    /** The error for a time that is not positive or overflows, which names the command. */
    private final RedisError invalid;

    /** @param unit {@link SetCore#EX} or {@link SetCore#PX} */
    SetExGenericCommand(String name, int unit) {
        super(StringsPack.METADATA.spec(name));
        this.unit = unit;
        this.invalid = RedisError.invalidExpireTime(name);
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        long deadline = SetCore.deadline(ctx, args[2], unit, invalid);
        SetCore.set(ctx, args, args[1], args[3], unit, deadline, SetCore.Replies.OK_OR_NULL);
    }
}
