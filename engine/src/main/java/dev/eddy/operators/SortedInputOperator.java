package dev.eddy.operators;

import dev.eddy.runtime.KeySelector;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;

/**
 * A keyed operator that gives output only at the end of its input, run the way Flink runs one even
 * in STREAMING mode (FLIP-331, operators with isOutputOnlyAfterEndOfStream such as a global window
 * with the end-of-stream trigger): its input is held and sorted by key and timestamp, as BATCH's
 * sorted input does, the watermarks before the final one are dropped, and the operator (built for
 * batch, firing key by key) sees one key after the other.
 */
public final class SortedInputOperator extends StreamOperator {
    private final SortingKeyByOperator sorter;
    private final StreamOperator inner;

    public SortedInputOperator(KeySelector key, StreamOperator inner) {
        this.sorter = new SortingKeyByOperator(key);
        this.inner = inner;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        super.open(context, output);
        inner.open(context, output);
        sorter.open(context, new Output() {
            @Override
            public void collect(Row row, long timestamp) { inner.processElement(row, timestamp); }

            @Override
            public void collect(String port, Row row, long timestamp) { output.collect(port, row, timestamp); }

            @Override
            public void emitWatermark(long watermark) { if (watermark == Time.MAX_WATERMARK) inner.processWatermark(watermark); }

            @Override
            public void emitWatermarkStatus(boolean idle) {}
        });
    }

    @Override
    public void processElement(Row row, long timestamp) { sorter.processElement(row, timestamp); }

    @Override
    public void processWatermark(long watermark) { sorter.processWatermark(watermark); }

    @Override
    public void processWatermarkStatus(boolean idle) {}

    @Override
    public void endInput() {
        sorter.endInput();
        inner.endInput();
    }

    // The inner operator gets its input only at the end, all at once: until then only the sorter holds anything.
    @Override
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) { sorter.snapshotState(out); }

    @Override
    public void restoreState(dev.eddy.checkpoint.StateReader in) { sorter.restoreState(in); }

    @Override
    public void close() { inner.close(); }
}
