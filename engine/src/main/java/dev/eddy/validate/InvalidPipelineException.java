package dev.eddy.validate;

import java.util.List;

/** A pipeline that cannot be read or run, with every problem found, not just the first. */
public class InvalidPipelineException extends Exception {
    private final List<Problem> problems;

    public InvalidPipelineException(String source, List<Problem> problems) {
        super(describe(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }

    private static String describe(String source, List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        StringBuilder b = new StringBuilder();
        b.append(source).append(": ").append(errors).append(errors == 1 ? " problem" : " problems");
        for (Problem p : problems) b.append("\n  ").append(p);
        return b.toString();
    }
}
