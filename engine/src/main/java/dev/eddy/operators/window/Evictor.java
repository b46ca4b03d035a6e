package dev.eddy.operators.window;

import java.util.List;

/**
 * Removes elements from a window before or after its function runs (Flink's Evictor). With an
 * evictor the window keeps every element, so the evictions are permanent: the operator writes
 * back what is left.
 */
public interface Evictor {
    void evictBefore(List<TimestampedRow> elements, Window window);

    void evictAfter(List<TimestampedRow> elements, Window window);

    /** CountEvictor.of(n): keep the last n elements in arrival order. */
    static Evictor count(long n, boolean after) {
        return new OneSided(after) {
            @Override
            void evict(List<TimestampedRow> elements, Window window) {
                int size = elements.size();
                if (size > n) elements.subList(0, (int) (size - n)).clear();
            }
        };
    }

    /**
     * TimeEvictor.of(d): keep elements newer than the largest element timestamp minus d (those at
     * or below the cutoff go). Flink skips elements that carry no timestamp at all, but its sources
     * stamp every record, Long.MIN_VALUE when it has none; so a window of such records computes
     * the cutoff from Long.MIN_VALUE, which wraps around, and loses every element, as in Flink.
     */
    static Evictor time(long d, boolean after) {
        return new OneSided(after) {
            @Override
            void evict(List<TimestampedRow> elements, Window window) {
                if (elements.isEmpty()) return;
                long max = Long.MIN_VALUE;
                for (TimestampedRow e : elements) max = Math.max(max, e.timestamp());
                long cutoff = max - d;
                elements.removeIf(e -> e.timestamp() <= cutoff);
            }
        };
    }

    /**
     * DeltaEvictor.of(threshold, fn): removes every element whose delta to the last element is at
     * or above the threshold (at or above, where the delta trigger needs strictly above).
     */
    static Evictor delta(DeltaFunction fn, double threshold, boolean after) {
        return new OneSided(after) {
            @Override
            void evict(List<TimestampedRow> elements, Window window) {
                if (elements.isEmpty()) return;
                Double last = fn.valueOf(elements.get(elements.size() - 1).row());
                elements.removeIf(e -> {
                    Double d = fn.delta(fn.valueOf(e.row()), last);
                    return d != null && d >= threshold;
                });
            }
        };
    }

    /** An evictor that works either before or after the function, as Flink's doEvictAfter says. */
    abstract class OneSided implements Evictor {
        private final boolean after;

        OneSided(boolean after) { this.after = after; }

        abstract void evict(List<TimestampedRow> elements, Window window);

        @Override
        public void evictBefore(List<TimestampedRow> elements, Window window) {
            if (!after) evict(elements, window);
        }

        @Override
        public void evictAfter(List<TimestampedRow> elements, Window window) {
            if (after) evict(elements, window);
        }
    }
}
