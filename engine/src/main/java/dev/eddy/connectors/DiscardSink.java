package dev.eddy.connectors;

import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;

/** Drops every record; its input count is the throughput figure of a benchmark. */
public final class DiscardSink extends StreamOperator {
    @Override
    public void processElement(Row row, long timestamp) {
        // Counted by the task before the call; nothing else to do.
    }

    @Override
    public void processWatermark(long watermark) {
        // A sink has no downstream to forward to.
    }
}
