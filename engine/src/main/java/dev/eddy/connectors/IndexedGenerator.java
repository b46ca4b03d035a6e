package dev.eddy.connectors;

import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.SourceReader;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;

/**
 * A generator whose k-th record is a function of k alone. Subtask i of p makes records
 * i, i + p, i + 2p, ..., so together the subtasks make exactly what one subtask would. Record k
 * is due at processing time start + k / rate; bounded when a count is given.
 */
public abstract class IndexedGenerator implements SourceReader {
    protected final long count;
    protected final double rate;
    protected final long start;
    private final int parallelism;
    private long next;
    protected long seed;

    /** count < 0 means unbounded; rate ≤ 0 means as fast as the driver goes. */
    protected IndexedGenerator(long count, double rate, long start, int subtask, int parallelism) {
        this.count = count;
        this.rate = rate;
        this.start = start;
        this.parallelism = parallelism;
        this.next = subtask;
    }

    @Override
    public void open(OperatorContext context) {
        seed = Seeds.forNode(context.environment().seed(), context.nodeId());
    }

    /** The processing time (and the nominal event time) of record k. */
    protected long timeOf(long k) {
        return rate > 0 ? start + (long) Math.floor(k * 1000.0 / rate) : start;
    }

    protected abstract Row generate(long k);

    @Override
    public Poll poll(Output output) {
        if (count >= 0 && next >= count) return Poll.END;
        output.collect(generate(next), Time.NO_TIMESTAMP);
        next += parallelism;
        return Poll.EMITTED;
    }

    @Override
    public long nextDueTime() { return rate > 0 && (count < 0 || next < count) ? timeOf(next) : NOW; }

    @Override
    public void snapshotPosition(dev.eddy.checkpoint.StateWriter out) { out.writeLong(next); }

    @Override
    public void restorePosition(dev.eddy.checkpoint.StateReader in) { next = in.readLong(); }
}
