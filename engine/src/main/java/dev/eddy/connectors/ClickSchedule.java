package dev.eddy.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The clicks of Eddy's clickstream in the order they happen: each user clicks every few seconds
 * for a while, then goes quiet for longer than the session gap, then comes back; each user's
 * clicks depend only on the seed and the user. Dependency-free, like {@link Seeds}, so that the
 * native Flink export ships this very class and its jobs click as Eddy's source does.
 */
public final class ClickSchedule {
    public static final String[] PAGES = {"/", "/products", "/product/42", "/cart", "/checkout", "/search", "/help"};

    /** One click: the user's number (from 0), the page, the time in epoch milliseconds. */
    public record Click(long user, String page, long time) {}

    private final long seed;
    private final int users;
    private final long gap;
    private final long count;
    /** Per user waiting to click: {user, time of next click, clicks so far, clicks left in this session}. */
    private final PriorityQueue<long[]> next = new PriorityQueue<>((a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[0], b[0]));

    /** The clicks of users u = subtask, subtask + parallelism, ...; count < 0 means unbounded, else it counts all users' clicks. */
    public ClickSchedule(long seed, int users, long gap, long count, long start, int subtask, int parallelism) {
        this.seed = seed;
        this.users = users;
        this.gap = gap;
        this.count = count;
        for (int u = subtask; u < users; u += parallelism) {
            if (count < 0 || quota(u) > 0) next.add(new long[] {u, start + (long) (Seeds.unit(seed, u, 1) * gap), 0, sessionLength(u, 0)});
        }
    }

    public boolean hasNext() { return !next.isEmpty(); }

    /** When the next click happens; only while {@link #hasNext()}. */
    public long nextTime() { return next.peek()[1]; }

    public Click next() {
        long[] u = next.poll();
        long user = u[0];
        long time = u[1];
        long click = u[2];
        String page = PAGES[(int) (Seeds.unit(seed ^ user, click, 3) * PAGES.length)];
        if (count < 0 || click + 1 < quota(user)) {
            long left = u[3] - 1;
            long pause;
            if (left > 0) {
                pause = 500 + (long) (Seeds.unit(seed ^ user, click, 4) * (gap / 3.0));
            } else {
                pause = gap + 1 + (long) (Seeds.unit(seed ^ user, click, 5) * gap * 2);
                left = sessionLength(user, click + 1);
            }
            next.add(new long[] {user, time + pause, click + 1, left});
        }
        return new Click(user, page, time);
    }

    private long sessionLength(long user, long click) {
        return 2 + (long) (Seeds.unit(seed ^ user, click, 2) * 8);
    }

    /** Each user makes an equal part of the clicks, so the clicks do not depend on how users are spread. */
    private long quota(long user) { return count / users + (user < count % users ? 1 : 0); }

    /** Where each user stands, for a checkpoint. */
    public List<long[]> position() {
        List<long[]> out = new ArrayList<>();
        for (long[] u : next) out.add(u.clone());
        return out;
    }

    public void restore(List<long[]> position) {
        next.clear();
        for (long[] u : position) next.add(u.clone());
    }
}
