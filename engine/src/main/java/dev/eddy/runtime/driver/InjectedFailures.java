package dev.eddy.runtime.driver;

import dev.eddy.runtime.FaultTolerance;
import dev.eddy.runtime.JobFailedException;
import dev.eddy.runtime.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The failures a run injects on purpose (settings.failAfterRecords and settings.randomFailures):
 * record counts of what the sources emitted in all, each failing the run once, in order. How many
 * have happened goes into checkpoints and the checkpoint directory, so a run resumed in another
 * process does not fail again where it already did. Shared by the source threads of a parallel run.
 */
final class InjectedFailures {
    /** A record count to fail at, and the setting that asked for it, as the failure's reason names it. */
    private record Point(long at, String setting) {}

    private final List<Point> points = new ArrayList<>();
    private int happened;

    InjectedFailures(FaultTolerance ft) {
        TreeMap<Long, String> all = new TreeMap<>();
        List<Long> random = ft.randomFailurePoints();
        for (int i = 0; i < random.size(); i++) {
            all.put(random.get(i), "settings.randomFailures" + (random.size() > 1 ? ", " + (i + 1) + " of " + random.size() : ""));
        }
        if (ft.failAfterRecords() > 0) all.merge(ft.failAfterRecords(), "settings.failAfterRecords", (r, f) -> f + " and " + r);
        all.forEach((at, setting) -> points.add(new Point(at, setting)));
    }

    boolean any() { return !points.isEmpty(); }

    synchronized int happened() { return happened; }

    /** A run resumed from a directory: the failures that already happened there do not happen again. */
    synchronized void alreadyHappened(int count) { happened = Math.max(happened, Math.min(count, points.size())); }

    /**
     * The failure due now that the sources have emitted {@code emitted} records in all, or null;
     * {@code source} is the subtask that emitted the last of them and fails.
     */
    synchronized JobFailedException due(Task source, long emitted) {
        if (happened >= points.size() || emitted < points.get(happened).at()) return null;
        Point p = points.get(happened++);
        String node = source.nodeIds().get(0);
        return new JobFailedException(node, "source \"" + node + "\" failed on purpose after " + p.at() + " records (" + p.setting() + ")");
    }
}
