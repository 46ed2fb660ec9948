package io.pyredis.commands.bitmaps;

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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * JMH micro-benchmark of BITCOUNT's and BITPOS's word-at-a-time loops over large strings,
 * beside the byte-at-a-time loop they replace. Not a JUnit test, so {@code mvn verify}
 * compiles it but never runs it. Run it from the project root with:
 *
 * <pre>
 * mvn -B -ntp -o -q -pl pyredis-commands-bitmaps -am test-compile dependency:build-classpath -DskipTests \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp pyredis-commands-bitmaps/target/test-classes:pyredis-commands-bitmaps/target/classes:$(cat /tmp/cp.txt) \
 *     org.openjdk.jmh.Main BitsBenchmark          # JMH's options may follow: -wi 2 -i 3 -p size=1048576
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BitsBenchmark {

    /** String length in bytes: 1 MB (the suite's and redis-benchmark's size) and 64 MB. */
    @Param({"1048576", "67108864"})
    public int size;

    private byte[] random;
    private byte[] zeros;

    @Setup
    public void setUp() {
        random = new byte[size];
        new Random(1).nextBytes(random);
        // BITPOS 1 over zeros with a set bit only at the end: the whole string is searched.
        zeros = new byte[size];
        zeros[size - 1] = 1;
    }

    @Benchmark
    public long bitcountWords() {
        return Bits.popcount(random, 0, random.length);
    }

    @Benchmark
    public long bitcountBytes() {
        long n = 0;
        for (byte b : random) {
            n += Integer.bitCount(b & 0xFF);
        }
        return n;
    }

    @Benchmark
    public long bitcountBitRange() {
        return Bits.popcountBits(random, 3, random.length * 8L - 5);
    }

    @Benchmark
    public long bitposWords() {
        return Bits.bitpos(zeros, 0, zeros.length * 8L - 1, 1);
    }

    @Benchmark
    public long bitposBytes() {
        for (int i = 0; i < zeros.length; i++) {
            if (zeros[i] != 0) {
                return i * 8L + Integer.numberOfLeadingZeros(zeros[i] & 0xFF) - 24;
            }
        }
        return -1;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(BitsBenchmark.class.getSimpleName()).build()).run();
    }
}
