package dev.eddy.flink.runtime;

import dev.eddy.types.Row;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Stands in for a sink node when a job's output comes back to the client: each subtask sends on
 * what reaches the sink, records with their timestamps and the watermarks between them, wrapped
 * as {@link Tapped} rows, so that the client can write them through Eddy's own sink exactly as the
 * sink's subtask would have (files, standard output, traces).
 */
public final class SinkTap extends AbstractStreamOperator<Row> implements OneInputStreamOperator<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final String sink;

    public SinkTap(String sink) { this.sink = sink; }

    private long subtask() { return getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(); }

    @Override
    public void processElement(StreamRecord<Row> element) {
        Long ts = element.hasTimestamp() ? element.getTimestamp() : null;
        output.collect(new StreamRecord<>(Tapped.record(sink, subtask(), ts, element.getValue())));
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        output.collect(new StreamRecord<>(Tapped.watermark(sink, subtask(), mark.getTimestamp())));
        super.processWatermark(mark);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        output.collect(new StreamRecord<>(Tapped.status(sink, subtask(), status.isIdle())));
        super.processWatermarkStatus(status);
    }
}
