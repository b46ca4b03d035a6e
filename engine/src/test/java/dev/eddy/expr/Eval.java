package dev.eddy.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.types.DataType;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.time.Instant;
import java.util.List;

/** A shared test schema and row, with one NULL field per type (names starting with n). */
final class Eval {
    static final Instant TS = Instant.parse("2024-03-05T10:20:30.123Z");
    static final Schema SCHEMA = Schema.of(
            "s", DataType.STRING, "n", DataType.BIGINT, "d", DataType.DOUBLE, "b", DataType.BOOLEAN,
            "ts", DataType.TIMESTAMP, "arr", DataType.arrayOf(DataType.STRING), "nums", DataType.arrayOf(DataType.BIGINT),
            "ns", DataType.STRING, "nn", DataType.BIGINT, "nd", DataType.DOUBLE, "nb", DataType.BOOLEAN,
            "nts", DataType.TIMESTAMP, "narr", DataType.arrayOf(DataType.STRING),
            "zero", DataType.BIGINT, "odd name", DataType.STRING);
    static final Row ROW = Row.of("Hello", 7L, 2.5, true, TS, List.of("a", "b", "c"), List.of(1L, 2L, 3L),
            null, null, null, null, null, null, 0L, "odd");

    private Eval() {}

    static CompiledExpression compile(String text) {
        try {
            return Expressions.compile(text, SCHEMA);
        } catch (ExpressionError e) {
            throw new AssertionError("`" + text + "` did not compile: " + e.getMessage(), e);
        }
    }

    static Object eval(String text) { return compile(text).evaluate(ROW); }

    static void check(String text, Object expected) { assertEquals(expected, eval(text), text); }

    static DataType type(String text) { return compile(text).type(); }

    static ExpressionError error(String text) {
        return assertThrows(ExpressionError.class, () -> Expressions.compile(text, SCHEMA), text);
    }

    /** Asserts the compile error's full message, "column N: reason". */
    static void error(String text, String message) { assertEquals(message, error(text).getMessage(), text); }

    static String failure(String text) {
        CompiledExpression c = compile(text);
        return assertThrows(EvaluationException.class, () -> c.evaluate(ROW), text).getMessage();
    }
}
