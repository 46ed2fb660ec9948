package io.pyredis.commands.hyperloglog;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code PFSELFTEST}: Redis's self test of the register code. First, random values set
 * in all dense registers read back unchanged, without touching their neighbours; then
 * ten million distinct elements added to a dense and a sparse HLL side by side: the
 * sparse one stays sparse while it is small, both give the same estimate, and the error
 * stays within six standard errors at each power of ten.
 */
public final class PfSelfTestCommand implements Command {

    private static final CommandSpec SPEC = HyperLogLogPack.METADATA.spec("pfselftest");
    private static final int TEST_CYCLES = 1000;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Random rnd = ThreadLocalRandom.current();
        byte[] dense = new byte[Hll.DENSE_SIZE];
        byte[] bytecounters = new byte[Hll.REGISTERS];
        for (int j = 0; j < TEST_CYCLES; j++) {
            for (int i = 0; i < Hll.REGISTERS; i++) {
                int r = rnd.nextInt() & Hll.REGISTER_MAX;
                bytecounters[i] = (byte) r;
                Hll.denseSet(dense, Hll.HDR_SIZE, i, r);
            }
            for (int i = 0; i < Hll.REGISTERS; i++) {
                int val = Hll.denseGet(dense, Hll.HDR_SIZE, i);
                if (val != bytecounters[i]) {
                    throw new RedisError("ERR TESTFAILED Register " + i + " should be " + bytecounters[i]
                            + " but is " + val);
                }
            }
        }

        Hll d = Hll.create();
        d.toDense();
        Hll s = Hll.create();
        long sparseMax = Values.sparseMaxBytes(ctx);
        double relerr = 1.04 / Math.sqrt(Hll.REGISTERS);
        long checkpoint = 1;
        long seed = rnd.nextLong();
        byte[] ele = new byte[8];
        for (long j = 1; j <= 10_000_000; j++) {
            long e = j ^ seed;
            for (int b = 0; b < 8; b++) {
                ele[b] = (byte) (e >>> (8 * b));
            }
            d.add(ele, sparseMax);
            s.add(ele, sparseMax);
            if (j != checkpoint) {
                continue;
            }
            if (j < sparseMax / 2 && s.encoding() != Hll.SPARSE) {
                throw new RedisError("ERR TESTFAILED sparse encoding not used");
            }
            long card = d.count();
            if (card != s.count()) {
                throw new RedisError("ERR TESTFAILED dense/sparse disagree");
            }
            long abserr = Math.abs(checkpoint - card);
            long maxerr = (long) Math.ceil(relerr * 6 * checkpoint);
            if (j == 10) {
                maxerr = 1;
            }
            if (abserr > maxerr) {
                throw new RedisError("ERR TESTFAILED Too big error. card:" + checkpoint + " abserr:" + abserr);
            }
            checkpoint *= 10;
        }
        ctx.reply().ok();
    }
}
