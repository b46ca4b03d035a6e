package dev.eddy.flink.runtime;

import dev.eddy.connectors.TraceSink;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A trace sink in an exported job: the lines Eddy's trace file holds, records with their
 * timestamps and the watermarks between them, as text for Flink's print.
 */
public final class TraceLines extends AbstractStreamOperator<String> implements OneInputStreamOperator<Row, String> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient Schema schema;

    public TraceLines(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public void processElement(StreamRecord<Row> element) {
        if (schema == null) schema = pipeline.inputSchema(node, "in");
        long ts = element.hasTimestamp() ? element.getTimestamp() : dev.eddy.runtime.Time.NO_TIMESTAMP;
        output.collect(new StreamRecord<>(TraceSink.recordLine(element.getValue(), schema, ts)));
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        output.collect(new StreamRecord<>(TraceSink.watermarkLine(mark.getTimestamp())));
        super.processWatermark(mark);
    }
}
