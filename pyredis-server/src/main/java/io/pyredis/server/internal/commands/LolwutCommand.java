package io.pyredis.server.internal.commands;

import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * {@code LOLWUT [VERSION version] [version arguments...]}, as lolwut.c: the art of the
 * version asked for (5: {@link LolwutSchotter}, 6: {@link LolwutSkyline}), else, as 7.0.15
 * has no art of its own, just {@code "Redis ver. 7.0.15\n"}. Always a verbatim "txt"
 * string (a bulk string in RESP2).
 */
public final class LolwutCommand extends BuiltinCommand {

    public LolwutCommand(ServerContext server) {
        super(server, "lolwut");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        String v = ServerContext.REDIS_VERSION;
        byte[][] rest = new byte[0][];
        if (args.length >= 3 && Keywords.is(args[1], "version")) {
            long ver = Numbers.parseLong(args[2]);
            // lolwut.c prints the number as "%u.0.0" of (unsigned int)ver, then looks at its
            // first three characters (5.x and 4.9 Schotter, 6.x and 5.9 the skyline), so only 5
            // and 6, also modulo 2^32 (4294967301), draw; any other number is the version line.
            v = Integer.toUnsignedString((int) ver) + ".0.0";
            rest = Arrays.copyOfRange(args, 3, args.length);
        }
        String text;
        if ((v.charAt(0) == '5' && v.charAt(1) == '.' && v.charAt(2) != '9')
                || (v.charAt(0) == '4' && v.charAt(1) == '.' && v.charAt(2) == '9')) {
            text = version5(rest);
        } else if ((v.charAt(0) == '6' && v.charAt(1) == '.' && v.charAt(2) != '9')
                || (v.charAt(0) == '5' && v.charAt(1) == '.' && v.charAt(2) == '9')) {
            text = version6(rest);
        } else {
            text = "Redis ver. " + ServerContext.REDIS_VERSION + "\n";
        }
        c.reply().verbatim("txt", text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code [cols [squares-per-row [squares-per-col]]]}, defaults 66 8 12, as lolwut5Command. */
    private String version5(byte[][] a) {
        long cols = a.length > 0 ? Numbers.parseLong(a[0]) : 66;
        long perRow = a.length > 1 ? Numbers.parseLong(a[1]) : 8;
        long perCol = a.length > 2 ? Numbers.parseLong(a[2]) : 12;
        // Redis's limits, which keep LOLWUT fast and cheap.
        LolwutCanvas canvas = LolwutSchotter.draw((int) clamp(cols, 1000), (int) clamp(perRow, 200),
                (int) clamp(perCol, 200), random());
        return LolwutSchotter.render(canvas)
                + "\nGeorg Nees - schotter, plotter on paper, 1968. Redis ver. " + ServerContext.REDIS_VERSION + "\n";
    }

    /** {@code [cols [rows]]}, defaults 80 20, as lolwut6Command. */
    private String version6(byte[][] a) {
        long cols = a.length > 0 ? Numbers.parseLong(a[0]) : 80;
        long rows = a.length > 1 ? Numbers.parseLong(a[1]) : 20;
        LolwutCanvas canvas = new LolwutCanvas((int) clamp(cols, 1000), (int) clamp(rows, 1000), 3);
        LolwutSkyline.draw(canvas, random());
        return LolwutSkyline.render(canvas)
                + "\nDedicated to the 8 bit game developers of past and present.\n"
                + "Original 8 bit image from Plaguemon by hikikomori. Redis ver. " + ServerContext.REDIS_VERSION + "\n";
    }

    private static long clamp(long v, long max) {
        return Math.max(1, Math.min(max, v));
    }

    /** The drawings' stand-in for C's {@code rand()}; they take any generator, so a seeded one repeats them. */
    private static RandomGenerator random() {
        return ThreadLocalRandom.current();
    }

    /** C's {@code rand()}: 0 to RAND_MAX (2^31-1) on glibc. */
    static int rand(RandomGenerator r) {
        return r.nextInt() >>> 1;
    }

    /** glibc's RAND_MAX, as the float lolwut5.c divides by. */
    static final float RAND_MAX = 2147483647f;
}
