package dev.eddy.model;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * settings.randomFailures: fail the run {@code times} times, at record counts drawn at random among
 * the first {@code withinRecords} records the sources emit, from {@code seed} (the pipeline's seed
 * when null), so that the same file fails at the same places on every run. What a chaos test does
 * to a Flink job, made repeatable for a lesson.
 */
public record RandomFailures(int times, long withinRecords, Long seed) {
    public RandomFailures {
        if (times < 1) throw new IllegalArgumentException("times must be 1 or more");
        if (withinRecords < times) throw new IllegalArgumentException("withinRecords must be at least times");
    }

    /** The record counts, ascending, after which a source fails. */
    public List<Long> points(long pipelineSeed) {
        SplittableRandom random = new SplittableRandom(seed == null ? pipelineSeed : seed);
        TreeSet<Long> drawn = new TreeSet<>();
        while (drawn.size() < times) drawn.add(1 + random.nextLong(withinRecords));
        return List.copyOf(drawn);
    }
}
