package dev.eddy.expr;

import static dev.eddy.expr.Eval.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import org.junit.jupiter.api.Test;

/** The messages a person sees, with their columns, for each kind of mistake. */
class ErrorMessagesTest {
    private static final Schema SENSOR = Schema.of("temperature", DataType.DOUBLE, "room", DataType.STRING, "ts", DataType.TIMESTAMP);

    private static ExpressionError sensorError(String text) {
        return assertThrows(ExpressionError.class, () -> Expressions.compile(text, SENSOR), text);
    }

    @Test
    void errorCarriesColumnReasonAndMessage() {
        ExpressionError e = sensorError("temprature > 30");
        assertEquals(1, e.column());
        assertEquals("unknown field \"temprature\"; did you mean \"temperature\"? Fields: room, temperature, ts", e.reason());
        assertEquals("column 1: " + e.reason(), e.getMessage());
    }

    @Test
    void unknownField() {
        assertEquals("column 21: unknown field \"rom\"; did you mean \"room\"? Fields: room, temperature, ts",
                sensorError("temperature > 30 OR rom = 'x'").getMessage());
        assertEquals("column 1: unknown field \"Room\"; did you mean \"room\"? Fields: room, temperature, ts",
                sensorError("Room = 'x'").getMessage());
        assertEquals("column 1: unknown field \"humidity\". Fields: room, temperature, ts",
                sensorError("humidity > 3").getMessage());
        assertEquals("column 1: unknown field \"x\"; the input has no fields",
                assertThrows(ExpressionError.class, () -> Expressions.compile("x", Schema.EMPTY)).getMessage());
    }

    @Test
    void unknownFunction() {
        assertEquals("column 1: unknown function UPPPER; did you mean UPPER?", sensorError("UPPPER(room)").getMessage());
        assertEquals("column 5: unknown function LENGHT; did you mean LENGTH?", sensorError("5 < lenght(room)").getMessage());
        assertEquals("column 1: unknown function FROBNICATE; see docs/expressions.md for the list",
                sensorError("FROBNICATE(room)").getMessage());
        assertEquals("column 1: SUM is an aggregate function; an expression sees one record at a time, so aggregate in an aggregate node",
                sensorError("SUM(temperature)").getMessage());
        assertEquals("column 1: COUNT is an aggregate function; an expression sees one record at a time, so aggregate in an aggregate node",
                sensorError("COUNT(*)").getMessage());
        assertEquals("column 6: NOW is not available: expressions must give the same result for the same record",
                sensorError("ts < NOW()").getMessage());
    }

    @Test
    void wrongArguments() {
        assertEquals("column 8: SUBSTRING takes 2 or 3 arguments (STRING, BIGINT[, BIGINT]) but got 1",
                sensorError("'x' || SUBSTRING(room)").getMessage());
        assertEquals("column 1: SUBSTRING takes 2 or 3 arguments (STRING, BIGINT[, BIGINT]) but got 4",
                sensorError("SUBSTRING(room, 1, 2, 3)").getMessage());
        assertEquals("column 17: SUBSTRING argument 2 must be BIGINT but is STRING",
                sensorError("SUBSTRING(room, '2')").getMessage());
        assertEquals("column 7: UPPER argument 1 must be STRING but is DOUBLE", sensorError("UPPER(temperature)").getMessage());
    }

    @Test
    void typeMismatchInComparison() {
        assertEquals("column 6: cannot compare STRING with BIGINT; CAST one side to the type of the other",
                sensorError("room = 1").getMessage());
        assertEquals("column 13: cannot compare DOUBLE with STRING; CAST one side to the type of the other",
                sensorError("temperature > 'hot'").getMessage());
    }

    @Test
    void syntax() {
        assertEquals("column 8: unterminated string starting here; close it with ' (write '' for a quote inside the text)",
                sensorError("room = 'lab").getMessage());
        assertEquals("column 14: expected ')' but found end of expression", sensorError("(room = 'lab'").getMessage());
        assertEquals("column 18: expected an operator or the end of the expression but found 'lab'",
                sensorError("temperature > 30 lab").getMessage());
        assertEquals("column 15: expected an expression but found ')'", sensorError("UPPER(room) = )").getMessage());
        assertEquals("column 15: LOWER takes 1 argument (STRING) but got 0", sensorError("UPPER(room) = LOWER()").getMessage());
    }

    @Test
    void badRegexLiteral() {
        assertEquals("column 14: bad regular expression '[0-9': Unclosed character class near index 3",
                sensorError("REGEXP(room, '[0-9')").getMessage());
        assertEquals("column 20: bad regular expression '\\W+(': Unclosed group near index 4",
                sensorError("REGEXP_SPLIT(room, '\\W+(')").getMessage());
    }

    @Test
    void expectedTypeMismatch() {
        ExpressionError e = assertThrows(ExpressionError.class,
                () -> Expressions.compile("temperature * 2", SENSOR, DataType.BOOLEAN));
        assertEquals("column 1: expected BOOLEAN but the expression is DOUBLE", e.getMessage());
        assertEquals("column 3: expected BOOLEAN but the expression is BIGINT",
                assertThrows(ExpressionError.class, () -> Expressions.compile("  1 + 1", SENSOR, DataType.BOOLEAN)).getMessage());
        assertEquals("column 1: expected BIGINT but the expression is DOUBLE",
                assertThrows(ExpressionError.class, () -> Expressions.compile("temperature", SENSOR, DataType.BIGINT)).getMessage());
    }

    @Test
    void nothingOutsideTheLanguageIsReachable() {
        error("java.lang.Runtime.getRuntime()", "column 5: unexpected character '.'");
        error("getClass()", "column 1: unknown function GETCLASS; see docs/expressions.md for the list");
        error("EXEC('rm -rf /')", "column 1: unknown function EXEC; see docs/expressions.md for the list");
        error("s; DROP TABLE x", "column 2: unexpected character ';'");
    }

    @Test
    void hostileSizesAreErrorsNotStackOverflows() throws ExpressionError {
        assertEquals(7L, Eval.eval("(".repeat(100) + "n" + ")".repeat(100)));
        error("(".repeat(101) + "n" + ")".repeat(101), "column 102: the expression is nested more than 100 levels deep");
        error("NOT ".repeat(101) + "b", "column 401: the expression is nested more than 100 levels deep");
        assertEquals(501L, Eval.eval("1" + " + 1".repeat(500)));
        assertEquals(true, Eval.eval("n = 0" + " OR n = 7".repeat(499)));
        assertEquals("column 1: the expression is more than 500 operations deep; split it into several steps, "
                + "or use IN (...) instead of a long chain of OR", error("n" + " + n".repeat(501)).getMessage());
    }
}
