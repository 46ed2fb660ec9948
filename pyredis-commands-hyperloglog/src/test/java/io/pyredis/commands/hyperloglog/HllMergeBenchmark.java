package io.pyredis.commands.hyperloglog;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The register merge behind PFCOUNT of several keys and PFMERGE: dense HLLs (or sparse,
 * with {@code encoding=sparse}) merged into a byte per register, then estimated
 * (PFCOUNT) or set into a dense destination (PFMERGE). Compiled with the tests, never run
 * by {@code mvn verify}; run it by hand:
 *
 * <pre>
 * mvn -B -ntp -o -q -pl pyredis-commands-hyperloglog -am test-compile -DskipTests
 * mvn -B -ntp -o -q -pl pyredis-commands-hyperloglog dependency:build-classpath -Dmdep.outputFile=/tmp/hll.cp
 * java -cp pyredis-commands-hyperloglog/target/test-classes:pyredis-commands-hyperloglog/target/classes:$(cat /tmp/hll.cp) \
 *     io.pyredis.commands.hyperloglog.HllMergeBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HllMergeBenchmark {

    @Param({"dense", "sparse"})
    public String encoding;

    @Param({"3"})
    public int keys;

    private byte[][] values;

    @Setup
    public void fill() {
        values = new byte[keys][];
        int elements = encoding.equals("dense") ? 100_000 : 300;
        for (int k = 0; k < keys; k++) {
            Hll h = Hll.create();
            for (int i = 0; i < elements; i++) {
                h.add(("k" + k + ":" + i).getBytes(StandardCharsets.US_ASCII), 3000);
            }
            if (encoding.equals("dense")) {
                h.toDense();
            }
            values[k] = h.bytes();
        }
    }

    /** PFCOUNT k1 k2 k3: merge into a scratch byte per register, then Ertl's estimate. */
    @Benchmark
    public long pfcountOfSeveral() {
        byte[] max = new byte[Hll.REGISTERS];
        for (byte[] v : values) {
            Hll.mergeInto(v, max);
        }
        return Hll.countRaw(max);
    }

    /** PFMERGE dest k1 k2 k3 into a new dense destination. */
    @Benchmark
    public byte[] pfmergeIntoDense() {
        byte[] max = new byte[Hll.REGISTERS];
        for (byte[] v : values) {
            Hll.mergeInto(v, max);
        }
        Hll dest = Hll.create();
        dest.toDense();
        for (int j = 0; j < Hll.REGISTERS; j++) {
            if (max[j] != 0) {
                dest.set(j, max[j], 3000);
            }
        }
        return dest.bytes();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(HllMergeBenchmark.class.getName()).build()).run();
    }
}
