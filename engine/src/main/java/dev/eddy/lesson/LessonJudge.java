package dev.eddy.lesson;

import dev.eddy.expr.CompiledExpression;
import dev.eddy.expr.EvaluationException;
import dev.eddy.expr.ExpressionError;
import dev.eddy.expr.Expressions;
import dev.eddy.model.Lesson;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.JobState;
import dev.eddy.observe.Observation;
import dev.eddy.types.DataType;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import dev.eddy.validate.ValidationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, for each check of a pipeline's lesson, what the run reports (one observation at a time,
 * in the order they came), and at the run's end says whether the lesson is solved and, if not,
 * why. The designer feeds it its recording, {@code ./eddy check} a subscription; both need record
 * samples, and a count taken from thinned samples is refused rather than guessed.
 */
public final class LessonJudge {
    private final Pipeline pipeline;
    private final Lesson lesson;
    private final List<Counter> counters = new ArrayList<>();
    private int restarts;

    /** {@code validation} is the pipeline's, for the schemas {@code where} conditions are read against. */
    public LessonJudge(Pipeline pipeline, ValidationResult validation) {
        this.pipeline = pipeline;
        this.lesson = pipeline.lesson();
        if (lesson == null) throw new IllegalArgumentException("the pipeline carries no lesson");
        for (Lesson.Check c : lesson.checks()) counters.add(new Counter(c, pipeline, validation));
    }

    public Lesson lesson() { return lesson; }

    public void accept(Observation o) {
        if (o instanceof Observation.JobStateChanged s && s.state() == JobState.RESTARTING) restarts++;
        for (Counter c : counters) c.accept(o);
    }

    /**
     * The verdict once the run ended in {@code end} ({@code failure} the reason when it failed),
     * with {@code thinned} record samples lost on the way.
     */
    public Verdict verdict(JobState end, String failure, long thinned) {
        List<Verdict.Line> lines = new ArrayList<>();
        for (Counter c : counters) lines.add(c.line(restarts));
        String summary;
        if (end == JobState.FAILED) {
            summary = "Not yet: the run failed" + (failure == null ? "" : " (" + failure + ")") + "; a lesson is checked on a run that ends.";
        } else if (end != JobState.FINISHED) {
            summary = "Not checked: the run was stopped before its end. Run it to the end to check.";
        } else if (thinned > 0 && counters.stream().anyMatch(Counter::countsSamples)) {
            summary = "Not checked: " + thinned + " record samples were thinned out on the way, so the counts would be guesses."
                    + " Run it again at a slower speed.";
        } else {
            Verdict.Line missed = lines.stream().filter(l -> !l.holds()).findFirst().orElse(null);
            summary = missed == null ? "Solved: " + (lines.size() == 1 ? "the check holds." : "all " + lines.size() + " checks hold.")
                    : "Not yet: " + missed.words() + (lesson.hint() == null ? "" : " Hint: " + lesson.hint());
        }
        boolean refused = thinned > 0 && counters.stream().anyMatch(Counter::countsSamples);
        boolean solved = end == JobState.FINISHED && !refused && lines.stream().allMatch(Verdict.Line::holds);
        return new Verdict(solved, summary, lines);
    }

    /** One check's count. */
    private static final class Counter {
        private final Lesson.Check check;
        private final boolean sink;
        private final String missingNode;
        private final CompiledExpression where;
        private final String whereError;
        private long count;
        /** Whether the count comes from record samples, which a busy run may thin (then it would be a guess). */
        boolean countsSamples() {
            return check.count() == Lesson.Count.RECORDS || (check.count() == Lesson.Count.COMMITTED && delivery.isEmpty());
        }

        /** The last delivery each sink subtask told of: records it holds for good, and records written twice. */
        private final Map<Integer, long[]> delivery = new HashMap<>();
        private long received;

        Counter(Lesson.Check check, Pipeline p, ValidationResult v) {
            this.check = check;
            var node = check.node() == null ? null : p.node(check.node()).orElse(null);
            this.missingNode = check.node() != null && node == null ? check.node() : null;
            this.sink = node != null && node.type().startsWith("sink.");
            CompiledExpression w = null;
            String error = null;
            if (check.where() != null && node != null) {
                Schema rows = check.count() == Lesson.Count.LATE || sink ? v.schemaInto(p, node.id()) : v.schema(node.id(), check.portOrDefault());
                if (rows == null) {
                    error = "The records counted at \"" + node.id() + "\" have no known fields, so \"" + check.where() + "\" cannot be read";
                } else {
                    try {
                        w = Expressions.compile(check.where(), rows, DataType.BOOLEAN);
                    } catch (ExpressionError e) {
                        error = "The check's condition \"" + check.where() + "\" does not fit the records at \"" + node.id() + "\": " + e.getMessage();
                    }
                }
            }
            this.where = w;
            this.whereError = error;
        }

        void accept(Observation o) {
            if (missingNode != null || whereError != null) return;
            switch (check.count()) {
                case RECORDS -> {
                    if (o instanceof Observation.RecordSampled r && r.node().equals(check.node())
                            && r.port().equals(sink ? "in" : check.portOrDefault()) && matches(r.row())) count++;
                }
                case FIRED -> {
                    if (o instanceof Observation.WindowFired f && f.node().equals(check.node())) count++;
                }
                case FIRED_BEFORE_END -> {
                    if (o instanceof Observation.WindowFired f && f.node().equals(check.node()) && f.watermark() != Long.MAX_VALUE) count++;
                }
                case LATE -> {
                    if (o instanceof Observation.LateRecord l && l.node().equals(check.node()) && matches(l.row())) count++;
                }
                case MERGED -> {
                    if (o instanceof Observation.WindowsMerged m && m.node().equals(check.node())) count++;
                }
                case COMMITTED, DUPLICATED -> {
                    if (o instanceof Observation.SinkDelivery d && d.node().equals(check.node())) {
                        // A sink that writes through reports all it took; what a restore cut back is no longer there.
                        long held = d.delivery().equals("transactional") ? d.committed() : d.committed() - d.withdrawn();
                        delivery.put(d.subtask(), new long[] {held, d.duplicated()});
                    } else if (o instanceof Observation.RecordSampled r && r.node().equals(check.node()) && r.port().equals("in")) {
                        received++;
                    }
                }
                case RESTARTS -> { }
            }
        }

        private boolean matches(Row row) {
            if (where == null) return true;
            try {
                return Boolean.TRUE.equals(where.evaluate(row));
            } catch (EvaluationException e) {
                return false;
            }
        }

        Verdict.Line line(int restarts) {
            String goal = check.says() != null ? check.says() : wanted();
            if (missingNode != null) {
                return new Verdict.Line(goal, false, 0, "The pipeline has no node \"" + missingNode + "\", where the lesson counts " + check.count().id()
                        + " (was it renamed or deleted?).");
            }
            if (whereError != null) return new Verdict.Line(goal, false, 0, whereError + ".");
            long n = switch (check.count()) {
                case RESTARTS -> restarts;
                case COMMITTED -> delivery.isEmpty() ? received : delivery.values().stream().mapToLong(d -> d[0]).sum();
                case DUPLICATED -> delivery.values().stream().mapToLong(d -> d[1]).sum();
                default -> count;
            };
            boolean holds = (check.min() == null || n >= check.min()) && (check.max() == null || n <= check.max());
            String words = counted(n) + (check.where() == null ? "" : " where " + check.where()) + "; "
                    + (holds ? "that is " : "the task wants ") + bounds() + ".";
            return new Verdict.Line(goal, holds, n, Character.toUpperCase(words.charAt(0)) + words.substring(1));
        }

        private String counted(long n) {
            String node = "\"" + check.node() + "\"";
            return switch (check.count()) {
                case RECORDS -> sink ? records(n) + " reached " + node : records(n) + " left " + node + " by its " + check.portOrDefault() + " port";
                case FIRED -> "windows of " + node + " " + fired(n, "fired");
                case FIRED_BEFORE_END -> "windows of " + node + " " + fired(n, "fired") + " before the input ended";
                case LATE -> node + " found " + records(n) + " late";
                case MERGED -> "windows of " + node + " " + fired(n, "merged");
                case RESTARTS -> "the job " + fired(n, "restarted");
                case COMMITTED -> node + " holds " + records(n) + " for good";
                case DUPLICATED -> node + " wrote " + records(n) + " a second time";
            };
        }

        private String wanted() {
            return "count " + check.count().id() + (check.node() == null ? "" : " at \"" + check.node() + "\"") + ": " + bounds();
        }

        private String bounds() {
            Long min = check.min();
            Long max = check.max();
            if (min != null && min.equals(max)) return "exactly " + min;
            if (max == null) return "at least " + min;
            if (min == null || min == 0) return max == 0 ? "none" : "at most " + max;
            return "between " + min + " and " + max;
        }

        private static String records(long n) { return n == 0 ? "no record" : n == 1 ? "1 record" : n + " records"; }

        private static String fired(long n, String verb) { return n == 0 ? "never " + verb : verb + " " + (n == 1 ? "once" : n + " times"); }
    }
}
