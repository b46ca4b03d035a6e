package dev.eddy.expr;

/**
 * An expression that cannot be compiled: bad syntax, an unknown name, or a type mismatch.
 * Checked, because every caller compiles text a person wrote and must report the problem.
 */
public final class ExpressionError extends Exception {
    private final int column;
    private final String reason;

    public ExpressionError(int column, String reason) {
        super("column " + column + ": " + reason);
        this.column = column;
        this.reason = reason;
    }

    /** 1-based position in the expression text of the token that caused the problem. */
    public int column() { return column; }

    /** The problem as a sentence, without the column. */
    public String reason() { return reason; }
}
