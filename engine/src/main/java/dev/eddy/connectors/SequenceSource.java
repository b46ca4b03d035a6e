package dev.eddy.connectors;

import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.SourceReader;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;

/**
 * The numbers from..to (inclusive), like Flink's fromSequence: each subtask takes one contiguous
 * part of the range. Without an end it is unbounded and the subtasks interleave instead. With a
 * rate, the subtasks together emit that many numbers per second.
 */
public final class SequenceSource implements SourceReader {
    private final long first;
    private final long last;
    private final long step;
    private final double rate;
    private final int parallelism;
    private long next;
    private long emitted;
    private long start;

    public SequenceSource(long from, Long to, double rate, int subtask, int parallelism) {
        this.rate = rate;
        this.parallelism = parallelism;
        if (to == null) {
            first = from + subtask;
            last = Long.MAX_VALUE;
            step = parallelism;
        } else {
            long n = to - from + 1;
            first = from + n * subtask / parallelism;
            last = from + n * (subtask + 1) / parallelism - 1;
            step = 1;
        }
        next = first;
    }

    @Override
    public void open(OperatorContext context) { start = context.currentProcessingTime(); }

    @Override
    public Poll poll(Output output) {
        if (next > last || next < first) return Poll.END;
        output.collect(Row.of(next), Time.NO_TIMESTAMP);
        next += step;
        emitted++;
        return Poll.EMITTED;
    }

    @Override
    public long nextDueTime() {
        if (rate <= 0 || next > last || next < first) return NOW;
        return start + (long) Math.floor(emitted * parallelism * 1000.0 / rate);
    }

    @Override
    public void snapshotPosition(dev.eddy.checkpoint.StateWriter out) { out.writeLong(start).writeLong(next).writeLong(emitted); }

    @Override
    public void restorePosition(dev.eddy.checkpoint.StateReader in) {
        start = in.readLong();
        next = in.readLong();
        emitted = in.readLong();
    }
}
