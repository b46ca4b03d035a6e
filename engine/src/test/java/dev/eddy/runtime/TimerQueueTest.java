package dev.eddy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The queue fires what a plain ordered list of registrations would: by time, then registration, each timer once. */
class TimerQueueTest {
    @Test
    void firesByTimeThenRegistrationAndOnlyOnce() {
        TimerQueue q = new TimerQueue();
        q.add(new InternalTimer(5, "a", null));
        q.add(new InternalTimer(3, "b", null));
        q.add(new InternalTimer(5, "c", null));
        q.add(new InternalTimer(5, "a", null));
        q.add(new InternalTimer(3, "d", null));
        List<String> fired = new ArrayList<>();
        InternalTimer t;
        while ((t = q.pollDue(4)) != null) fired.add(t.key() + "@" + t.timestamp());
        assertEquals(List.of("b@3", "d@3"), fired);
        while ((t = q.pollDue(Long.MAX_VALUE)) != null) fired.add(t.key() + "@" + t.timestamp());
        assertEquals(List.of("b@3", "d@3", "a@5", "c@5"), fired);
        assertNull(q.peek());
    }

    /** Random adds, duplicates, deletions and polls, against a list kept in registration order. */
    @Test
    void agreesWithAPlainModelUnderRandomUse() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            TimerQueue q = new TimerQueue();
            Set<InternalTimer> model = new LinkedHashSet<>();
            for (int op = 0; op < 2_000; op++) {
                InternalTimer t = new InternalTimer(random.nextInt(40), "k" + random.nextInt(8), random.nextInt(3));
                int what = random.nextInt(10);
                if (what < 6) {
                    q.add(t);
                    model.add(t);
                } else if (what < 8) {
                    q.remove(t);
                    model.remove(t);
                } else {
                    long until = random.nextInt(40);
                    InternalTimer expected = firstDue(model, until);
                    InternalTimer actual = q.pollDue(until);
                    assertEquals(expected, actual);
                    if (expected != null) model.remove(expected);
                }
            }
            InternalTimer next;
            while ((next = firstDue(model, Long.MAX_VALUE)) != null) {
                assertEquals(next, q.pollDue(Long.MAX_VALUE));
                model.remove(next);
            }
            assertNull(q.peek());
        }
    }

    /** The earliest timestamp, and among equal ones the first registered (a set keeps first insertion order). */
    private static InternalTimer firstDue(Set<InternalTimer> model, long until) {
        InternalTimer best = null;
        for (InternalTimer t : model) if (t.timestamp() <= until && (best == null || t.timestamp() < best.timestamp())) best = t;
        return best;
    }
}
