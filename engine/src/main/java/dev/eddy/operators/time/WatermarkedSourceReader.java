package dev.eddy.operators.time;

import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.SourceReader;
import dev.eddy.types.Row;

/**
 * A source reader with the watermark strategy inside the source, as Flink's
 * {@code fromSource(source, strategy, name)} has it: each record gets its timestamp and passes
 * the generator before it leaves the source; periodic watermarks follow the source task's clock.
 * Unlike a watermarks node after the source, the reader's own watermarks (a scripted timeline's)
 * still count, merged with the generator's so that only a higher watermark goes out. At the end of
 * input the periodic emits just stop (Flink's SourceOperator); the final watermark follows.
 */
public final class WatermarkedSourceReader implements SourceReader {
    private final SourceReader reader;
    private final TimestampsAndWatermarksOperator generator;
    private Output downstream;
    private long highest = Long.MIN_VALUE;

    public WatermarkedSourceReader(SourceReader reader, TimestampsAndWatermarksOperator generator) {
        this.reader = reader;
        this.generator = generator;
    }

    @Override
    public void open(OperatorContext context) throws Exception {
        reader.open(context);
        downstream = context.output();
        generator.open(context, fromGenerator);
    }

    @Override
    public Poll poll(Output output) throws Exception {
        downstream = output;
        return reader.poll(fromReader);
    }

    @Override
    public void inject(Row row, long timestamp, Output output) {
        downstream = output;
        generator.processElement(row, timestamp);
    }

    @Override
    public long nextDueTime() { return reader.nextDueTime(); }

    @Override
    public boolean isLive() { return reader.isLive(); }

    // The generator's own progress is not kept: as in Flink, a restored source starts its watermarks afresh.
    @Override
    public void snapshotPosition(dev.eddy.checkpoint.StateWriter out) { reader.snapshotPosition(out); }

    @Override
    public void restorePosition(dev.eddy.checkpoint.StateReader in) { reader.restorePosition(in); }

    @Override
    public void close() throws Exception { reader.close(); }

    private void emitWatermark(long watermark) {
        if (watermark <= highest) return;
        highest = watermark;
        downstream.emitWatermark(watermark);
    }

    /** What the generator emits goes downstream, its watermarks merged with the reader's. */
    private class Downstream implements Output {
        @Override
        public void collect(Row row, long timestamp) { downstream.collect(row, timestamp); }

        @Override
        public void collect(String port, Row row, long timestamp) { downstream.collect(port, row, timestamp); }

        @Override
        public void emitWatermark(long watermark) { WatermarkedSourceReader.this.emitWatermark(watermark); }

        @Override
        public void emitWatermarkStatus(boolean idle) { downstream.emitWatermarkStatus(idle); }
    }

    private final Output fromGenerator = new Downstream();

    /** The reader's records pass the generator first; the rest goes the generator's way. */
    private final Output fromReader = new Downstream() {
        @Override
        public void collect(Row row, long timestamp) { generator.processElement(row, timestamp); }
    };
}
