package dev.eddy.flink.run;

import dev.eddy.catalog.Binding;
import dev.eddy.flink.runtime.Tapped;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.NodeMetrics;
import dev.eddy.observe.ObservationBus;
import dev.eddy.runtime.ErrorPolicy;
import dev.eddy.runtime.JobEnvironment;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.ResultTables;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.runtime.TaskTimers;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import dev.eddy.validate.ValidationResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what Flink's sink subtasks received through Eddy's own sink operators, one per sink
 * subtask, so a run on Flink leaves the same files, standard output and traces as a run in Eddy.
 */
final class SinkReplay implements AutoCloseable {
    private final Map<String, StreamOperator> sinks = new LinkedHashMap<>();
    private long records;

    private static final Output NOWHERE = new Output() {
        @Override
        public void collect(Row row, long timestamp) {}

        @Override
        public void collect(String port, Row row, long timestamp) {}

        @Override
        public void emitWatermark(long watermark) {}

        @Override
        public void emitWatermarkStatus(boolean idle) {}
    };

    SinkReplay(Pipeline pipeline, ValidationResult validation, Path inputDir, Path outputDir, PrintStream stdout) {
        JobEnvironment env = new JobEnvironment(inputDir, outputDir, stdout, new ResultTables(), new ObservationBus(),
                pipeline.settings().modeOrDefault(), pipeline.settings().seedOrDefault(), Long.MAX_VALUE);
        // Every subtask of every sink opens, as in Eddy, so a subtask that got nothing still leaves its (empty) file.
        for (Node n : pipeline.nodes()) {
            Binding b = validation.bindings().get(n.id());
            if (!n.type().startsWith("sink.")) continue;
            int p = validation.parallelism().get(n.id());
            for (int i = 0; i < p; i++) {
                OperatorContext ctx = new OperatorContext(n.id(), n.type(), i, p, pipeline.settings().maxParallelismOrDefault(),
                        ErrorPolicy.FAIL, env, System::currentTimeMillis, new NodeMetrics(n.id(), i), new TaskTimers());
                ctx.bindOutput(NOWHERE);
                StreamOperator sink = b.operator().create();
                sink.open(ctx, NOWHERE);
                sinks.put(n.id() + "/" + i, sink);
            }
        }
    }

    void accept(Row envelope) {
        Tapped t = Tapped.of(envelope);
        StreamOperator sink = sinks.get(t.sink() + "/" + t.subtask());
        switch (t.kind()) {
            case RECORD -> {
                records++;
                sink.processElement(t.row(), t.timestamp() == null ? Time.NO_TIMESTAMP : t.timestamp());
            }
            case WATERMARK -> sink.processWatermark(t.timestamp());
            case STATUS -> sink.processWatermarkStatus(t.idle());
        }
    }

    long records() { return records; }

    /** The input ended: sinks flush and close, as at the end of a bounded run. */
    @Override
    public void close() {
        for (StreamOperator s : sinks.values()) s.endInput();
        for (StreamOperator s : sinks.values()) s.close();
    }
}
