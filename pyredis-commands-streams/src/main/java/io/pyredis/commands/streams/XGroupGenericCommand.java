package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.StreamId;
import io.pyredis.support.GenericCommand;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

/**
 * The XGROUP subcommands that take a key and a group (xgroupCommand's common part): the
 * CREATE/SETID options parsed, the stream looked up, the key and (but for CREATE and
 * DESTROY) the group required, then {@link #run}.
 */
abstract class XGroupGenericCommand extends GenericCommand {

    private static final RedisError NO_KEY = new RedisError("ERR The XGROUP subcommand requires the key to exist. "
            + "Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.");

    private final boolean create;
    private final boolean setid;
    private final boolean needsGroup;

    XGroupGenericCommand(String sub, boolean needsGroup) {
        super(StreamsPack.METADATA.spec("xgroup|" + sub));
        this.create = sub.equals("create");
        this.setid = sub.equals("setid");
        this.needsGroup = needsGroup;
    }

    /** What the common part found. */
    static final class Call {
        RedisStream stream;
        RedisStream.Group group;
        boolean mkstream;
        long entriesRead = RedisStream.Group.INVALID_ENTRIES_READ;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        Call c = new Call();
        int i = 5;
        while (i < args.length) {
            if (create && Keywords.is(args[i], "mkstream")) {
                c.mkstream = true;
                i++;
            } else if ((create || setid) && Keywords.is(args[i], "entriesread") && i + 1 < args.length) {
                c.entriesRead = Numbers.parseLong(args[i + 1]);
                if (c.entriesRead < 0 && c.entriesRead != RedisStream.Group.INVALID_ENTRIES_READ) {
                    throw new RedisError("ERR value for ENTRIESREAD must be positive or -1");
                }
                i += 2;
            } else {
                throw Streams.subcommandSyntax(args);
            }
        }
        c.stream = Streams.lookup(ctx, args[2]);
        byte[] name = args[3];
        if (!c.mkstream) {
            if (c.stream == null) {
                throw NO_KEY;
            }
            c.group = c.stream.groups().get(name);
            if (c.group == null && needsGroup) {
                throw Streams.noSuchGroup(name, args[2]);
            }
        } else if (c.stream != null) {
            c.group = c.stream.groups().get(name);
        }
        run(ctx, args, c);
    }

    abstract void run(CommandContext ctx, byte[][] args, Call c);

    /** The ID argument of CREATE and SETID: {@code $} is the stream's last ID. */
    static StreamId groupId(byte[] arg, RedisStream s, boolean strict) {
        if (Streams.isDollar(arg)) {
            return s != null ? s.lastId() : StreamId.MIN;
        }
        return strict ? Streams.strictId(arg, 0) : Streams.id(arg, 0);
    }
}
