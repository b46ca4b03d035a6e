package dev.eddy.observe;

import dev.eddy.types.Row;
import java.util.List;

/**
 * What one open window of one key holds at the moment it was asked for, taken at a safe point of
 * the subtask that owns it. A window that keeps its elements (a full-window function, an evictor,
 * a join) lists them with their timestamps; an incremental one (reduce, aggregate) keeps only its
 * accumulator, so it lists no elements.
 * {@code resultSoFar} is what the window would emit if it fired now (after an evictor's
 * before-eviction, as a firing would do it). Bounds are Long.MIN_VALUE and Long.MAX_VALUE for the
 * global window; key is null for a non-keyed window.
 *
 * @param cleanupAt the watermark (or, for processing-time windows, the processing time) at which
 *                  the window is dropped: window end - 1 + allowed lateness; Long.MAX_VALUE never
 */
public record WindowSnapshot(long time, String node, int subtask, Object key, long start, long end, boolean incremental,
                             List<Element> elements, List<Row> resultSoFar, long watermark, long cleanupAt) {
    public WindowSnapshot {
        elements = List.copyOf(elements);
        resultSoFar = List.copyOf(resultSoFar);
    }

    /** An element kept in the window, with its event timestamp (Long.MIN_VALUE when it has none). */
    public record Element(Row row, long timestamp) {}
}
