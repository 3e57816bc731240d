package io.dataplatform.benchmarks;

import io.dataplatform.testing.FakeAws;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Measures how long {@code FakeAws.create()} takes once the JVM is warm: the cost of a fresh world per test. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FakeAwsCreateBenchmark {

    /** Creates one world; returning it keeps the JIT from discarding the work. */
    @Benchmark
    public FakeAws create() {
        return FakeAws.create();
    }
}
