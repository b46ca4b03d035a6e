package dev.eddy.expr;

/**
 * A runtime failure while evaluating an expression on one row, such as a BIGINT division by zero
 * or a CAST of text that is not a number. The message names the failing part of the expression.
 */
public final class EvaluationException extends RuntimeException {
    public EvaluationException(String message) { super(message); }

    public EvaluationException(String message, Throwable cause) { super(message, cause); }
}
