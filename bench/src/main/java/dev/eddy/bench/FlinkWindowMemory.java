package dev.eddy.bench;

import dev.eddy.flink.translate.FlinkTranslator;
import dev.eddy.flink.translate.JobBuilder;
import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.types.Row;
import java.nio.file.Path;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The Flink side of {@link WindowMemory}: the same pipeline file translated by the Flink bridge,
 * the window node's operator taken from the job graph as Flink would run it, and fed the same
 * records through Flink's own operator test harness, which gives it a heap keyed state backend
 * (HashMapStateBackend, Flink's default) and a heap timer service, as a TaskManager does.
 */
final class FlinkWindowMemory {
    private FlinkWindowMemory() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static WindowMemory.Measured measure(String name, String json, int keys, int perKey, int recordsPerWindow) throws Exception {
        Pipeline p = PipelineReader.read(json, "window memory");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new JobBuilder(env, FlinkTranslator.translate(p, Path.of("."), FlinkTranslator.Sinks.FLINK), false).build();
        OneInputTransformation window = find(env, "w");
        var harness = new KeyedOneInputStreamOperatorTestHarness<Object, Row, Row>(window.getOperatorFactory(),
                window.getStateKeySelector(), window.getStateKeyType());
        harness.open();
        long before = WindowMemory.settledHeap();
        long records = WindowMemory.feed(keys, perKey, recordsPerWindow, (row, ts) -> harness.processElement(new StreamRecord<>(row, ts)));
        long after = WindowMemory.settledHeap();
        // Keep the operator and its state reachable until the heap is measured.
        harness.close();
        return new WindowMemory.Measured(name, (long) keys * perKey, records, after - before);
    }

    static OneInputTransformation<?, ?> find(StreamExecutionEnvironment env, String nodeId) {
        for (Transformation<?> t : env.getTransformations()) {
            for (Transformation<?> u : t.getTransitivePredecessors()) {
                if (u instanceof OneInputTransformation<?, ?> o && nodeId.equals(u.getName())) return o;
            }
        }
        throw new IllegalStateException("no operator named " + nodeId + " in the translated job");
    }
}
