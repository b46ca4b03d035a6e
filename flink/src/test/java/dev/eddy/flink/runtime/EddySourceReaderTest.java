package dev.eddy.flink.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;

/**
 * The reader ends only after the enumerator's "no more splits": a task that finished before that
 * event arrived made Flink fail the whole job (seen on a loaded CI machine).
 */
class EddySourceReaderTest {
    private static final String PIPELINE = """
            {"format": "eddy.pipeline", "version": 1, "name": "two records",
             "nodes": [
               {"id": "in", "type": "source.scripted", "params": {"schema": {"k": "STRING"},
                 "steps": [{"record": {"k": "a"}, "ts": 1}, {"record": {"k": "b"}, "ts": 2}]}},
               {"id": "out", "type": "sink.discard"}],
             "edges": [{"from": "in", "to": "out"}]}
            """;

    @Test
    void drainedReaderWaitsForNoMoreSplitsBeforeEnding() throws Exception {
        EddySourceReader reader = new EddySourceReader(new PipelineRef(PIPELINE, ".", false), "in");
        Collecting out = new Collecting();
        reader.start();
        reader.addSplits(List.of(new EddySource.Split(0, 1)));
        InputStatus status;
        int polls = 0;
        do {
            status = reader.pollNext(out);
        } while (status == InputStatus.MORE_AVAILABLE && ++polls < 100);
        assertEquals(List.of(1L, 2L), out.timestamps);
        assertEquals(InputStatus.NOTHING_AVAILABLE, status, "drained, but the enumerator has not said it is done");
        assertEquals(false, reader.isAvailable().isDone());

        reader.notifyNoMoreSplits();
        assertEquals(true, reader.isAvailable().isDone());
        assertEquals(InputStatus.END_OF_INPUT, reader.pollNext(out));
        reader.close();
    }

    private static final class Collecting implements ReaderOutput<Row> {
        final List<Long> timestamps = new ArrayList<>();

        @Override public void collect(Row record) { timestamps.add(null); }
        @Override public void collect(Row record, long timestamp) { timestamps.add(timestamp); }
        @Override public void emitWatermark(Watermark watermark) {}
        @Override public void markIdle() {}
        @Override public void markActive() {}
        @Override public SourceOutput<Row> createOutputForSplit(String splitId) { throw new UnsupportedOperationException(); }
        @Override public void releaseOutputForSplit(String splitId) {}
    }
}
