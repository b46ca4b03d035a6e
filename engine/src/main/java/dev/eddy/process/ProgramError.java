package dev.eddy.process;

/**
 * A process program that cannot be compiled, at the line and column where the problem starts:
 * bad syntax, an unknown name, a type that does not fit, a statement in the wrong handler.
 */
public final class ProgramError extends Exception {
    private final int line;
    private final int column;
    private final String reason;

    public ProgramError(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** 1-based. */
    public int line() { return line; }

    /** 1-based. */
    public int column() { return column; }

    public String reason() { return reason; }
}
