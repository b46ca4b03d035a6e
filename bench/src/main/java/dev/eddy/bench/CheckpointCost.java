package dev.eddy.bench;

import dev.eddy.checkpoint.StateReader;
import dev.eddy.checkpoint.StateWriter;
import dev.eddy.flink.runtime.PipelineRef;
import dev.eddy.flink.translate.FlinkTranslator;
import dev.eddy.flink.translate.JobBuilder;
import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * What a checkpoint of open windows costs on each engine: the window operator of one pipeline
 * file holds keys × windows open windows (no watermark comes, so none fires); it is checkpointed
 * five times and restored five times into a fresh operator. Eddy's operator writes its state with
 * the engine's codec; Flink's (the operator the bridge translates the same file to) is snapshotted
 * through Flink's operator test harness on the heap state backend into the JobManager's memory
 * storage (a full synchronous and asynchronous snapshot), and restored with initializeState and
 * open, as a TaskManager would. Both checkpoints stay in memory: no file system is measured.
 *
 * <p>{@code java -Xmx6g -cp bench/target/benchmarks.jar dev.eddy.bench.CheckpointCost [KEYS] [WINDOWS_PER_KEY]}
 */
public final class CheckpointCost {
    private static final int TIMES = 5;

    private CheckpointCost() {}

    /** Per engine: the state's size, and the median milliseconds to checkpoint it and to restore it. */
    record Cost(long bytes, double snapshotMillis, double restoreMillis) {}

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perKey = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println("| window | open windows | Eddy state | Flink state | Eddy checkpoint | Flink checkpoint | Eddy restore | Flink restore |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        row("tumbling 1 s, COUNT and SUM (incremental)", "\"size\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\", \"total\": \"SUM(value)\"}", keys, perKey);
        row("sessions, gap 100 ms, COUNT and SUM", "\"assigner\": \"session\", \"gap\": \"100ms\", \"aggregates\": {\"n\": \"COUNT(*)\", \"total\": \"SUM(value)\"}", keys, perKey);
    }

    private static void row(String name, String windowParams, int keys, int perKey) throws Exception {
        String json = WindowMemory.pipeline(keys, windowParams);
        Cost eddy = eddy(json, keys, perKey);
        Cost flink = flink(json, keys, perKey);
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f MB | %.1f MB | %.0f ms | %.0f ms | %.0f ms | %.0f ms |%n", name, (long) keys * perKey,
                eddy.bytes() / 1e6, flink.bytes() / 1e6, eddy.snapshotMillis(), flink.snapshotMillis(), eddy.restoreMillis(), flink.restoreMillis());
    }

    static Cost eddy(String json, int keys, int perKey) throws Exception {
        PipelineRef ref = new PipelineRef(json, ".", false);
        StreamOperator op = ref.binding("w").operator().create();
        op.open(ref.context("w", 0, 1), WindowMemory.DISCARD);
        WindowMemory.feed(keys, perKey, 1, op::processElement);
        double[] snap = new double[TIMES];
        byte[] state = null;
        for (int i = 0; i < TIMES; i++) {
            long t0 = System.nanoTime();
            StateWriter out = new StateWriter();
            op.snapshotState(out);
            state = out.toByteArray();
            snap[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] restore = new double[TIMES];
        for (int i = 0; i < TIMES; i++) {
            StreamOperator fresh = ref.binding("w").operator().create();
            long t0 = System.nanoTime();
            fresh.open(ref.context("w", 0, 1), WindowMemory.DISCARD);
            fresh.restoreState(new StateReader(state));
            restore[i] = (System.nanoTime() - t0) / 1e6;
            fresh.close();
        }
        op.close();
        return new Cost(state.length, median(snap), median(restore));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Cost flink(String json, int keys, int perKey) throws Exception {
        Pipeline p = PipelineReader.read(json, "checkpoint cost");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new JobBuilder(env, FlinkTranslator.translate(p, Path.of("."), FlinkTranslator.Sinks.FLINK), false).build();
        OneInputTransformation window = FlinkWindowMemory.find(env, "w");
        var harness = new KeyedOneInputStreamOperatorTestHarness<Object, Row, Row>(window.getOperatorFactory(),
                window.getStateKeySelector(), window.getStateKeyType());
        // In memory, as Eddy's: the JobManager's storage, without its 5 MB default cap.
        harness.setCheckpointStorage(new org.apache.flink.runtime.state.storage.JobManagerCheckpointStorage(Integer.MAX_VALUE));
        harness.open();
        WindowMemory.feed(keys, perKey, 1, (row, ts) -> harness.processElement(new StreamRecord<>(row, ts)));
        double[] snap = new double[TIMES];
        OperatorSubtaskState state = null;
        for (int i = 0; i < TIMES; i++) {
            long t0 = System.nanoTime();
            state = harness.snapshot(i + 1, i + 1);
            snap[i] = (System.nanoTime() - t0) / 1e6;
        }
        harness.close();
        double[] restore = new double[TIMES];
        for (int i = 0; i < TIMES; i++) {
            var fresh = new KeyedOneInputStreamOperatorTestHarness<Object, Row, Row>(window.getOperatorFactory(),
                    window.getStateKeySelector(), window.getStateKeyType());
            fresh.setCheckpointStorage(new org.apache.flink.runtime.state.storage.JobManagerCheckpointStorage(Integer.MAX_VALUE));
            long t0 = System.nanoTime();
            fresh.initializeState(state);
            fresh.open();
            restore[i] = (System.nanoTime() - t0) / 1e6;
            fresh.close();
        }
        return new Cost(state.getStateSize(), median(snap), median(restore));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
