package dev.eddy.model;

import java.util.List;
import java.util.Locale;

/**
 * A task a pipeline file can carry, and the checks that say when it is done: "make the late reading
 * land in the side output" with "at least one record reaches the sink late". Each check counts one
 * kind of thing the run reports at one node and wants the count within bounds; the engine's
 * {@code LessonJudge} counts, the designer and {@code ./eddy check} show the verdict.
 */
public record Lesson(String task, String hint, List<Check> checks) {
    public Lesson {
        checks = List.copyOf(checks);
    }

    /** What a check counts. */
    public enum Count {
        /** records leaving {@code port} of the node, or arriving at it when it is a sink */
        RECORDS("records"),
        /** times a window of the node fired */
        FIRED("fired"),
        /** times a window of the node fired while the input was still running (by a watermark or a clock, not by the input's end) */
        FIRED_BEFORE_END("fired-before-end"),
        /** records the window node found too late for every window they belong to */
        LATE("late"),
        /** merges of session windows in the node */
        MERGED("merged"),
        /** restarts of the job after a failure */
        RESTARTS("restarts"),
        /** records the sink holds for good at the end (written and committed) */
        COMMITTED("committed"),
        /** records the sink wrote a second time after a restore */
        DUPLICATED("duplicated");

        private final String id;

        Count(String id) { this.id = id; }

        public String id() { return id; }

        /** Whether the count is of one node's doing (all but restarts). */
        public boolean needsNode() { return this != RESTARTS; }

        /** Whether a {@code where} condition on the counted records applies. */
        public boolean hasRows() { return this == RECORDS || this == LATE; }

        public static Count parse(String s) {
            for (Count c : values()) if (c.id.equals(s.toLowerCase(Locale.ROOT))) return c;
            return null;
        }
    }

    /**
     * Count {@code count} at {@code node} ({@code port} for records; default out), only records
     * for which {@code where} holds, and want it at least {@code min} and at most {@code max}
     * (either may be null). {@code says} is the goal in the learner's words.
     */
    public record Check(Count count, String node, String port, String where, Long min, Long max, String says) {
        public String portOrDefault() { return port == null ? "out" : port; }
    }
}
