package dev.eddy.expr;

import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import java.util.Objects;

/**
 * Entry point: compiles SQL-flavoured expression text (filters, computed fields, keys) against an
 * input schema. The language is documented in docs/expressions.md. Compilation is where all
 * checking happens; evaluation then only runs prebuilt closures. An expression can call only the
 * functions of {@link FunctionCatalog}, so compiling text from an untrusted pipeline file cannot
 * run anything else.
 */
public final class Expressions {
    private Expressions() {}

    /** Parses and type-checks {@code text} against {@code input}, then builds its evaluator once. */
    public static CompiledExpression compile(String text, Schema input) throws ExpressionError {
        return compile(text, input, null);
    }

    /**
     * Like {@link #compile(String, Schema)}, and also requires the result to fit {@code expected}
     * (for example BOOLEAN for a filter). A BIGINT result is widened when DOUBLE is expected, so
     * the evaluator then returns Doubles. A null {@code expected} accepts any type.
     */
    public static CompiledExpression compile(String text, Schema input, DataType expected) throws ExpressionError {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(input, "input");
        Expr typed = new TypeChecker(input).check(Parser.parse(text));
        if (expected != null) {
            if (!Types.assignable(typed.type(), expected)) {
                throw new ExpressionError(firstColumn(text), "expected " + expected + " but the expression is " + typed.type());
            }
            typed = Types.coerce(typed, expected);
        }
        return new CompiledExpression(text, typed, new Compiler().compile(typed));
    }

    private static int firstColumn(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i + 1;
    }
}
