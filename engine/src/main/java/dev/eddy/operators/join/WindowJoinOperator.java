package dev.eddy.operators.join;

import dev.eddy.operators.window.WindowOperator;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;

/**
 * A window join, built as Flink builds JoinedStreams: both inputs tagged (0 left, 1 right) into
 * one keyed window whose function pairs the left and right elements of each firing window.
 */
public final class WindowJoinOperator extends StreamOperator {
    private final WindowOperator window;

    public WindowJoinOperator(WindowOperator window) { this.window = window; }

    @Override
    public void open(OperatorContext context, Output output) {
        super.open(context, output);
        window.open(context, output);
    }

    @Override
    public void processElement(Row row, long timestamp) {
        throw new IllegalStateException("a join needs to know whether a record is left or right");
    }

    @Override
    public void processElement(int input, Row row, long timestamp) {
        window.processElement(Row.of((long) input, row), timestamp);
    }

    @Override
    public void processWatermark(long watermark) { window.processWatermark(watermark); }

    @Override
    public void processWatermarkStatus(boolean idle) { window.processWatermarkStatus(idle); }

    @Override
    public void endInput() { window.endInput(); }

    @Override
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) { window.snapshotState(out); }

    @Override
    public void restoreState(dev.eddy.checkpoint.StateReader in) { window.restoreState(in); }

    @Override
    public void close() { window.close(); }
}
