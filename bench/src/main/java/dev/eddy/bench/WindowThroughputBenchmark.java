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
 * Records per second through keyed event-time windows with incremental aggregation: sequence →
 * map (key = value mod keys, event time = value ms) → monotonous watermarks → key-by → window
 * (count and sum) → discard, deterministic driver, parallelism 1. The source's rate (one record
 * per millisecond of processing time, matching its event time) only moves the virtual clock, so
 * periodic watermarks advance and windows fire as the run goes instead of all at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class WindowThroughputBenchmark {
    static final long RECORDS = 1_000_000;

    @Param({"tumbling", "sliding", "session"})
    public String window;

    @Param({"100000"})
    public int keys;

    private Pipeline pipeline;

    public static Pipeline pipeline(long records, int keys, String window) {
        String assigner = switch (window) {
            case "tumbling" -> "\"size\": \"10s\"";
            case "sliding" -> "\"assigner\": \"sliding\", \"size\": \"10s\", \"slide\": \"1s\"";
            default -> "\"assigner\": \"session\", \"gap\": \"2s\"";
        };
        String json = """
                {"format": "eddy.pipeline", "version": 1, "name": "windows",
                 "nodes": [
                   {"id": "seq", "type": "source.sequence", "params": {"from": 0, "to": %d, "rate": 1000}},
                   {"id": "shape", "type": "map", "params": {"fields": {"k": "value %% %d", "v": "value", "ts": "TO_TIMESTAMP(value)"}}},
                   {"id": "time", "type": "watermarks", "params": {"timestamp": "ts", "strategy": "monotonous"}},
                   {"id": "byK", "type": "key-by", "params": {"key": "k"}},
                   {"id": "w", "type": "window", "params": {%s, "aggregates": {"n": "COUNT(*)", "total": "SUM(v)"}}},
                   {"id": "out", "type": "sink.discard"}],
                 "edges": [{"from": "seq", "to": "shape"}, {"from": "shape", "to": "time"}, {"from": "time", "to": "byK"},
                   {"from": "byK", "to": "w"}, {"from": "w", "to": "out"}]}
                """.formatted(records - 1, keys, assigner);
        return KeyedSumPipeline.parse(json);
    }

    @Setup
    public void setUp() { pipeline = pipeline(RECORDS, keys, window); }

    @Benchmark
    @OperationsPerInvocation((int) RECORDS)
    public long windows() {
        JobResult r = KeyedSumPipeline.run(pipeline, false, 1);
        if (!r.succeeded() || r.recordsIn("w") != RECORDS) throw new IllegalStateException("benchmark run went wrong: " + r.failure());
        return r.recordsIn("out");
    }
}
