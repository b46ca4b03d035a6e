package dev.eddy.connectors;

import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.SourceReader;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import java.util.List;

/** The rows written in the pipeline file, in order, like Flink's fromData / fromElements. */
public final class RowsSource implements SourceReader {
    private final List<Row> rows;
    private final double rate;
    private long start;
    private int next;

    public RowsSource(List<Row> rows, double rate) {
        this.rows = rows;
        this.rate = rate;
    }

    @Override
    public void open(OperatorContext context) { start = context.currentProcessingTime(); }

    @Override
    public Poll poll(Output output) {
        if (next >= rows.size()) return Poll.END;
        output.collect(rows.get(next++), Time.NO_TIMESTAMP);
        return Poll.EMITTED;
    }

    @Override
    public long nextDueTime() { return rate > 0 ? start + (long) Math.floor(next * 1000.0 / rate) : NOW; }

    @Override
    public void snapshotPosition(dev.eddy.checkpoint.StateWriter out) { out.writeLong(start).writeInt(next); }

    @Override
    public void restorePosition(dev.eddy.checkpoint.StateReader in) {
        start = in.readLong();
        next = in.readInt();
    }
}
