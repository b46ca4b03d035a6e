package dev.eddy.bench;

import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.run.PipelineRunner;
import dev.eddy.run.RunOptions;
import dev.eddy.runtime.driver.JobResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The first throughput figure's pipeline: sequence → map → filter → key-by → rolling sum →
 * discard, the shape of most keyed jobs with the cheapest possible source and sink.
 */
public final class KeyedSumPipeline {
    private KeyedSumPipeline() {}

    public static Pipeline pipeline(long records, int keys) {
        String json = """
                {"format": "eddy.pipeline", "version": 1, "name": "keyed sum",
                 "nodes": [
                   {"id": "seq", "type": "source.sequence", "params": {"from": 1, "to": %d}},
                   {"id": "shape", "type": "map", "params": {"fields": {"k": "value %% %d", "v": "value * 2"}}},
                   {"id": "some", "type": "filter", "params": {"condition": "v %% 3 <> 0"}},
                   {"id": "byK", "type": "key-by", "params": {"key": "k"}},
                   {"id": "sum", "type": "reduce", "params": {"combine": {"v": "sum"}}},
                   {"id": "out", "type": "sink.discard"}],
                 "edges": [{"from": "seq", "to": "shape"}, {"from": "shape", "to": "some"}, {"from": "some", "to": "byK"},
                   {"from": "byK", "to": "sum"}, {"from": "sum", "to": "out"}]}
                """.formatted(records, keys);
        return parse(json);
    }

    /** A benchmark's inline pipeline; a mistake in it is a bug in the benchmark. */
    static Pipeline parse(String json) {
        try {
            return PipelineReader.read(json, "benchmark pipeline");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JobResult run(Pipeline p, boolean parallelDriver, int parallelism) {
        try {
            return PipelineRunner.standard().prepare(p, Path.of("."), RunOptions.defaults()
                    .withParallelDriver(parallelDriver).withParallelism(parallelism)
                    .withStdout(new PrintStream(OutputStream.nullOutputStream()))).run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records that pass the filter: v = 2 * value is a multiple of 3 exactly when value is. */
    public static long expectedAtSink(long records) {
        return records - records / 3;
    }
}
