package dev.eddy.connectors;

import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.SourceReader;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A clickstream with user sessions: each user clicks every few seconds for a while, then goes
 * quiet for longer than the session gap, then comes back. Users are split over subtasks
 * (user u in subtask u mod p) and each user's clicks depend only on the seed and the user, so
 * the clicks are the same at any parallelism.
 */
public final class ClickSource implements SourceReader {
    static final String[] PAGES = {"/", "/products", "/product/42", "/cart", "/checkout", "/search", "/help"};

    private final int users;
    private final long gap;
    private final long count;
    private final long start;
    private final int subtask;
    private final int parallelism;
    private final PriorityQueue<long[]> next = new PriorityQueue<>((a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[0], b[0]));
    private long seed;

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
        seed = Seeds.forNode(context.environment().seed(), context.nodeId());
        for (int u = subtask; u < users; u += parallelism) {
            // {user, time of next click, clicks so far, clicks left in this session}
            if (count < 0 || quota(u) > 0) next.add(new long[] {u, start + (long) (Seeds.unit(seed, u, 1) * gap), 0, sessionLength(u, 0)});
        }
    }

    private long sessionLength(long user, long click) {
        return 2 + (long) (Seeds.unit(seed ^ user, click, 2) * 8);
    }

    @Override
    public Poll poll(Output output) {
        if (next.isEmpty()) return Poll.END;
        long[] u = next.poll();
        long user = u[0];
        long time = u[1];
        long click = u[2];
        String page = PAGES[(int) (Seeds.unit(seed ^ user, click, 3) * PAGES.length)];
        output.collect(Row.of("user-" + (user + 1), page, Instant.ofEpochMilli(time)), Time.NO_TIMESTAMP);
        if (count >= 0 && click + 1 >= quota(user)) return Poll.EMITTED;
        long left = u[3] - 1;
        long pause;
        if (left > 0) {
            pause = 500 + (long) (Seeds.unit(seed ^ user, click, 4) * (gap / 3.0));
        } else {
            pause = gap + 1 + (long) (Seeds.unit(seed ^ user, click, 5) * gap * 2);
            left = sessionLength(user, click + 1);
        }
        next.add(new long[] {user, time + pause, click + 1, left});
        return Poll.EMITTED;
    }

    /** Each user makes an equal part of the clicks, so the clicks do not depend on how users are spread. */
    private long quota(long user) { return count / users + (user < count % users ? 1 : 0); }

    @Override
    public long nextDueTime() { return next.isEmpty() ? NOW : next.peek()[1]; }

    @Override
    public void snapshotPosition(dev.eddy.checkpoint.StateWriter out) {
        out.writeInt(next.size());
        for (long[] u : next) for (long v : u) out.writeLong(v);
    }

    @Override
    public void restorePosition(dev.eddy.checkpoint.StateReader in) {
        next.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) next.add(new long[] {in.readLong(), in.readLong(), in.readLong(), in.readLong()});
    }
}
