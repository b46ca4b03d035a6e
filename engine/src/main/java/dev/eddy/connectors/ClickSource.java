package dev.eddy.connectors;

import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.SourceReader;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import java.time.Instant;
import java.util.List;

/**
 * A clickstream with user sessions, as {@link ClickSchedule} makes it. Users are split over
 * subtasks (user u in subtask u mod p) and each user's clicks depend only on the seed and the
 * user, so the clicks are the same at any parallelism.
 */
public final class ClickSource implements SourceReader {
    private final int users;
    private final long gap;
    private final long count;
    private final long start;
    private final int subtask;
    private final int parallelism;
    private ClickSchedule schedule;

    /** count < 0 means unbounded; it counts clicks over all subtasks. */
    public ClickSource(int users, long gap, long count, long start, int subtask, int parallelism) {
        this.users = users;
        this.gap = gap;
        this.count = count;
        this.start = start;
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    @Override
    public void open(OperatorContext context) {
        long seed = Seeds.forNode(context.environment().seed(), context.nodeId());
        schedule = new ClickSchedule(seed, users, gap, count, start, subtask, parallelism);
    }

    @Override
    public Poll poll(Output output) {
        if (!schedule.hasNext()) return Poll.END;
        ClickSchedule.Click c = schedule.next();
        output.collect(Row.of("user-" + (c.user() + 1), c.page(), Instant.ofEpochMilli(c.time())), Time.NO_TIMESTAMP);
        return Poll.EMITTED;
    }

    @Override
    public long nextDueTime() { return schedule.hasNext() ? schedule.nextTime() : NOW; }

    @Override
    public void snapshotPosition(dev.eddy.checkpoint.StateWriter out) {
        List<long[]> position = schedule.position();
        out.writeInt(position.size());
        for (long[] u : position) for (long v : u) out.writeLong(v);
    }

    @Override
    public void restorePosition(dev.eddy.checkpoint.StateReader in) {
        List<long[]> position = new java.util.ArrayList<>();
        int n = in.readInt();
        for (int i = 0; i < n; i++) position.add(new long[] {in.readLong(), in.readLong(), in.readLong(), in.readLong()});
        schedule.restore(position);
    }
}
