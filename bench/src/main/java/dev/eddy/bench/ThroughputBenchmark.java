package dev.eddy.bench;

import dev.eddy.model.Pipeline;
import dev.eddy.runtime.driver.JobResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second through {@link KeyedSumPipeline}, end to end (plan, run, finish), under
 * each driver at parallelism 1. One operation is one source record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ThroughputBenchmark {
    static final long RECORDS = 2_000_000;

    @Param({"deterministic", "parallel"})
    public String driver;

    @Param({"1000"})
    public int keys;

    private Pipeline pipeline;

    @Setup
    public void setUp() { pipeline = KeyedSumPipeline.pipeline(RECORDS, keys); }

    @Benchmark
    @OperationsPerInvocation((int) RECORDS)
    public long keyedSum() {
        JobResult r = KeyedSumPipeline.run(pipeline, driver.equals("parallel"), 1);
        if (!r.succeeded() || r.recordsIn("out") != KeyedSumPipeline.expectedAtSink(RECORDS)) {
            throw new IllegalStateException("benchmark run went wrong: " + r.failure() + ", " + r.recordsIn("out"));
        }
        return r.recordsIn("out");
    }
}
