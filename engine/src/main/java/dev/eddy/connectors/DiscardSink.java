package dev.eddy.connectors;

import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;

/** Drops every record, digesting it; its input count and digest are a benchmark's figure and check. */
public final class DiscardSink extends StreamOperator {
    @Override
    public void processElement(Row row, long timestamp) {
        // Counted by the task before the call; the digest lets a benchmark check the output it did not keep.
        context.metrics().digest += dev.eddy.types.RowDigest.of(row, timestamp);
    }

    @Override
    public void processWatermark(long watermark) {
        // A sink has no downstream to forward to.
    }
}
