package io.pyredis.support;

import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisValue;
import io.pyredis.api.Reply;

import java.util.ArrayList;
import java.util.List;

/**
 * HSCAN, SSCAN and ZSCAN ({@code key cursor [MATCH pattern] [COUNT count]}), as Redis's
 * scanGenericCommand serves them: the cursor is parsed before the key is looked up and the
 * options only once the key exists, so a missing key answers an empty last step whatever its
 * options say. Each command gives one step of its own type's walk.
 *
 * @param <T> the type of value the command scans
 * @since 0.1
 */
public abstract class ScanGenericCommand<T extends RedisValue> extends GenericCommand {

    private final Class<T> type;

    /**
     * @param type the type of value the key must hold (another is Redis's WRONGTYPE)
     * @since 0.1
     */
    protected ScanGenericCommand(CommandSpec spec, Class<T> type) {
        super(spec);
        this.type = type;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        long cursor = ScanArgs.parseCursor(args[2]);
        T value = ctx.db().get(args[1], type);
        if (value == null) {
            reply(ctx.reply(), 0, List.of());
            return;
        }
        ScanArgs scan = ScanArgs.parseOptions(args, 3, false);
        List<byte[]> elements = new ArrayList<>();
        long next = step(value, cursor, scan, elements);
        reply(ctx.reply(), next, elements);
    }

    /**
     * One step of the walk of {@code value} from {@code cursor}, about {@link ScanArgs#count}
     * elements long: adds to {@code out} the reply elements of what passes
     * {@link ScanArgs#matches} (a field and its value together, a member and its score).
     *
     * @return the cursor of the next step, 0 when the walk is done
     * @since 0.1
     */
    protected abstract long step(T value, long cursor, ScanArgs scan, List<byte[]> out);

    /**
     * The reply of a SCAN-family step, SCAN's included: {@code [next cursor, [elements]]}.
     *
     * @since 0.1
     */
    public static void reply(Reply r, long next, List<byte[]> elements) {
        r.array(2);
        r.bulk(Long.toUnsignedString(next));
        r.array(elements.size());
        for (byte[] e : elements) {
            r.bulk(e);
        }
    }
}
