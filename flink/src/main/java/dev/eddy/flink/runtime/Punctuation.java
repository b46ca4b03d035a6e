package dev.eddy.flink.runtime;

import dev.eddy.operators.time.EventTimeParts;
import dev.eddy.types.Row;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/** The punctuated strategy: a watermark at a record's timestamp right after each record for which "when" holds. */
public final class Punctuation implements WatermarkGeneratorSupplier<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;

    public Punctuation(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public WatermarkGenerator<Row> createWatermarkGenerator(Context context) {
        var when = EventTimeParts.of(pipeline.binding(node).parts()).punctuation();
        return new WatermarkGenerator<>() {
            @Override
            public void onEvent(Row row, long timestamp, WatermarkOutput output) {
                if (when.evaluate(row) == Boolean.TRUE) output.emitWatermark(new Watermark(timestamp));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {}
        };
    }
}
