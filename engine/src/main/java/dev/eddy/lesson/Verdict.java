package dev.eddy.lesson;

import java.util.List;

/**
 * Whether a run did what its lesson asked: {@code solved} when every check holds, and in
 * {@code summary} why not, in words (a failed run, a stopped one, a thinned count, or the first
 * check that misses). Each check's own line says what was counted and what was wanted.
 */
public record Verdict(boolean solved, String summary, List<Line> lines) {
    public Verdict {
        lines = List.copyOf(lines);
    }

    /** One check: its goal in the lesson's words, whether it holds, and what the run did, in words. */
    public record Line(String goal, boolean holds, long counted, String words) {}
}
