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
    private final List<Long> points = new ArrayList<>();
    private final List<String> settings = new ArrayList<>();
    private int happened;

    InjectedFailures(FaultTolerance ft) {
        TreeMap<Long, String> all = new TreeMap<>();
        for (long p : ft.randomFailurePoints()) all.put(p, "settings.randomFailures");
        if (ft.failAfterRecords() > 0) all.merge(ft.failAfterRecords(), "settings.failAfterRecords", (a, b) -> b + " and " + a);
        int random = ft.randomFailurePoints().size();
        int n = 0;
        for (var e : all.entrySet()) {
            points.add(e.getKey());
            boolean isRandom = e.getValue().contains("randomFailures");
            if (isRandom) n++;
            settings.add(isRandom && random > 1 ? e.getValue().replace("settings.randomFailures", "settings.randomFailures, " + n + " of " + random) : e.getValue());
        }
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
        if (happened >= points.size() || emitted < points.get(happened)) return null;
        long at = points.get(happened);
        String why = settings.get(happened);
        happened++;
        String node = source.nodeIds().get(0);
        return new JobFailedException(node, "source \"" + node + "\" failed on purpose after " + at + " records (" + why + ")");
    }
}
