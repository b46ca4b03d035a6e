package dev.eddy.flink.runtime;

import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;

/**
 * Runs Eddy's reader for one split. A rate-limited generator's records fall due on Eddy's
 * processing-time clock, which here starts at the run's start time and then follows the wall
 * clock; until the next one is due the reader says so and Flink waits on the future.
 */
final class EddySourceReader implements SourceReader<Row, EddySource.Split> {
    private final PipelineRef pipeline;
    private final String node;
    private EddySource.Split split;
    private boolean noMoreSplits;
    private dev.eddy.runtime.SourceReader reader;
    private ReaderOutput<Row> current;
    private long startWall;
    private long startVirtual;
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);

    EddySourceReader(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public void start() {}

    /** Unpaced, the clock stands where the last record fell due. */
    private long virtualNow;

    private long now() { return pipeline.paced() ? startVirtual + (System.currentTimeMillis() - startWall) : virtualNow; }

    /** Eddy's reader has said END; the task may finish once the enumerator's last event is in too. */
    private boolean drained;

    @Override
    public InputStatus pollNext(ReaderOutput<Row> output) throws Exception {
        if (drained) return endOnceTold();
        if (reader == null) {
            if (split == null) return noMoreSplits ? InputStatus.END_OF_INPUT : waitFor(10);
            open();
        }
        long due = reader.nextDueTime();
        if (due != dev.eddy.runtime.SourceReader.NOW && due > now()) {
            if (pipeline.paced()) return waitFor(due - now());
            virtualNow = due;
        }
        current = output;
        return switch (reader.poll(eddyOutput)) {
            // A scripted restore step has no counterpart in a Flink run without failures.
            case EMITTED, RESTORE -> InputStatus.MORE_AVAILABLE;
            case NOTHING_YET -> waitFor(1);
            case END -> {
                drained = true;
                yield endOnceTold();
            }
        };
    }

    /**
     * Finishing before "no more splits" arrives would leave the enumerator's event for a finished
     * task, which Flink treats as a failure of the job; so a drained reader waits for it.
     */
    private InputStatus endOnceTold() {
        if (noMoreSplits) return InputStatus.END_OF_INPUT;
        available = new CompletableFuture<>();
        return InputStatus.NOTHING_AVAILABLE;
    }

    private void open() throws Exception {
        startVirtual = pipeline.pipeline().settings().startTimeOrDefault();
        startWall = System.currentTimeMillis();
        virtualNow = startVirtual;
        // A source's own watermark strategy is Flink's, given to fromSource: read without Eddy's.
        var binding = pipeline.binding(node);
        var factory = binding.parts() instanceof dev.eddy.operators.time.WatermarkedSource w ? w.reader() : binding.source();
        reader = factory.create(split.index(), split.parallelism());
        OperatorContext context = pipeline.context(node, split.index(), split.parallelism(), this::now);
        context.bindOutput(eddyOutput);
        reader.open(context);
    }

    private InputStatus waitFor(long millis) {
        available = new CompletableFuture<>();
        CompletableFuture<Void> f = available;
        CompletableFuture.delayedExecutor(Math.max(1, millis), TimeUnit.MILLISECONDS).execute(() -> f.complete(null));
        return InputStatus.NOTHING_AVAILABLE;
    }

    private final Output eddyOutput = new Output() {
        @Override
        public void collect(Row row, long timestamp) {
            if (timestamp == Time.NO_TIMESTAMP) current.collect(row);
            else current.collect(row, timestamp);
        }

        /** A source's side ports (a file's errors) have no Flink counterpart; the translator refuses edges from them. */
        @Override
        public void collect(String port, Row row, long timestamp) {}

        @Override
        public void emitWatermark(long watermark) { current.emitWatermark(new Watermark(watermark)); }

        @Override
        public void emitWatermarkStatus(boolean idle) { if (idle) current.markIdle(); }
    };

    @Override
    public List<EddySource.Split> snapshotState(long checkpointId) {
        return split == null ? List.of() : List.of(split);
    }

    @Override
    public CompletableFuture<Void> isAvailable() { return available; }

    @Override
    public void addSplits(List<EddySource.Split> splits) {
        if (!splits.isEmpty()) split = splits.get(0);
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() throws Exception { if (reader != null) reader.close(); }
}
