package dev.eddy.expr;

import static dev.eddy.expr.Eval.check;
import static dev.eddy.expr.Eval.error;
import static dev.eddy.expr.Eval.failure;
import static dev.eddy.expr.Eval.type;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.types.DataType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseCastTest {
    @Test
    void searchedCase() {
        check("CASE WHEN n > 0 THEN 'pos' ELSE 'neg' END", "pos");
        check("CASE WHEN n < 0 THEN 'neg' WHEN n = 0 THEN 'zero' ELSE 'pos' END", "pos");
        check("CASE WHEN n < 0 THEN 'neg' END", null);
        check("CASE WHEN nb THEN 1 ELSE 2 END", 2L);
        check("CASE WHEN NULL THEN 1 WHEN b THEN 2 END", 2L);
        check("CASE WHEN n > 0 THEN 1 ELSE 2.5 END", 1.0);
        check("CASE WHEN n > 0 THEN NULL ELSE 'x' END", null);
        assertEquals(DataType.DOUBLE, type("CASE WHEN b THEN 1 ELSE 2.5 END"));
        assertEquals(DataType.STRING, type("CASE WHEN b THEN NULL ELSE 'x' END"));
    }

    @Test
    void simpleCase() {
        check("CASE n WHEN 1 THEN 'one' WHEN 7 THEN 'seven' ELSE 'many' END", "seven");
        check("CASE n WHEN 1 THEN 'one' ELSE 'many' END", "many");
        check("CASE s WHEN 'Hello' THEN 1 END", 1L);
        check("CASE n WHEN 7.0 THEN 'widened' END", "widened");
        check("CASE nn WHEN 1 THEN 'one' ELSE 'null never matches' END", "null never matches");
        check("CASE n WHEN nn THEN 'x' WHEN 7 THEN 'y' END", "y");
        check("CASE ts WHEN '2024-03-05 10:20:30.123' THEN 'now' END", "now");
    }

    @Test
    void onlyTheChosenBranchIsEvaluated() {
        check("CASE WHEN zero = 0 THEN 0 ELSE n / zero END", 0L);
        check("CASE zero WHEN 0 THEN 0 ELSE n / zero END", 0L);
    }

    @Test
    void caseErrors() {
        error("CASE WHEN n THEN 1 END", "column 11: WHEN needs a BOOLEAN condition but found BIGINT");
        error("CASE WHEN b THEN 1 ELSE 'x' END", "column 25: CASE branches must have one type, but this one is STRING "
                + "and an earlier one is BIGINT");
        error("CASE n WHEN 'x' THEN 1 END", "column 1: cannot compare BIGINT with STRING; CAST one side to the type of the other");
    }

    @Test
    void castsThatSucceed() {
        check("CAST('42' AS BIGINT)", 42L);
        check("CAST(' -42 ' AS INT)", -42L);
        check("CAST('+7' AS INTEGER)", 7L);
        check("CAST('2.5' AS DOUBLE)", 2.5);
        check("CAST('1e3' AS DOUBLE)", 1000.0);
        check("CAST('NaN' AS DOUBLE)", Double.NaN);
        check("CAST(n AS DOUBLE)", 7.0);
        check("CAST(d AS BIGINT)", 2L);
        check("CAST(-2.9 AS BIGINT)", -2L);
        check("CAST(1e30 AS BIGINT)", Long.MAX_VALUE);
        check("CAST(n AS STRING)", "7");
        check("CAST(d AS VARCHAR)", "2.5");
        check("CAST(b AS STRING)", "TRUE");
        check("CAST(ts AS STRING)", "2024-03-05 10:20:30.123");
        check("CAST(TIMESTAMP '2024-01-01' AS STRING)", "2024-01-01 00:00:00");
        check("CAST(arr AS STRING)", "[a, b, c]");
        check("CAST('true' AS BOOLEAN)", true);
        check("CAST('No' AS BOOLEAN)", false);
        check("CAST('1' AS BOOLEAN)", true);
        check("CAST(0 AS BOOLEAN)", false);
        check("CAST(n AS BOOLEAN)", true);
        check("CAST(b AS BIGINT)", 1L);
        check("CAST(FALSE AS DOUBLE)", 0.0);
        check("CAST('2024-01-01 12:00:00' AS TIMESTAMP)", Instant.parse("2024-01-01T12:00:00Z"));
        check("CAST(nums AS ARRAY<DOUBLE>)", List.of(1.0, 2.0, 3.0));
        check("CAST(ARRAY['1', '2'] AS ARRAY<BIGINT>)", List.of(1L, 2L));
        check("CAST(s AS STRING)", "Hello");
        check("CAST(nn AS STRING)", null);
        check("CAST(NULL AS BIGINT)", null);
        assertEquals(DataType.BIGINT, type("CAST(NULL AS BIGINT)"));
        assertEquals(DataType.arrayOf(DataType.DOUBLE), type("CAST(nums AS ARRAY<DOUBLE>)"));
    }

    @Test
    void castsThatFailAtRunTime() {
        assertEquals("CAST('x1' AS BIGINT): 'x1' is not a number", failure("CAST('x1' AS BIGINT)"));
        assertEquals("CAST('1.5' AS BIGINT): '1.5' is not a whole number", failure("CAST('1.5' AS BIGINT)"));
        assertEquals("CAST('99999999999999999999' AS BIGINT): '99999999999999999999' is out of the BIGINT range",
                failure("CAST('99999999999999999999' AS BIGINT)"));
        assertEquals("CAST('Hello' AS DOUBLE): 'Hello' is not a number", failure("CAST(s AS DOUBLE)"));
        assertEquals("CAST('1.5d' AS DOUBLE): '1.5d' is not a number", failure("CAST('1.5d' AS DOUBLE)"));
        assertEquals("CAST('maybe' AS BOOLEAN): 'maybe' is not a boolean (true/false, yes/no, 1/0)",
                failure("CAST('maybe' AS BOOLEAN)"));
        assertEquals("CAST('soon' AS TIMESTAMP): 'soon' is not a timestamp ('yyyy-MM-dd HH:mm:ss[.SSS]' or ISO-8601)",
                failure("CAST('soon' AS TIMESTAMP)"));
        assertEquals("CAST('x' AS BIGINT): 'x' is not a number", failure("CAST(ARRAY['1', 'x'] AS ARRAY<BIGINT>)"));
    }

    @Test
    void tryCastGivesNullInsteadOfFailing() {
        check("TRY_CAST('x1' AS BIGINT)", null);
        check("TRY_CAST('12' AS BIGINT)", 12L);
        check("TRY_CAST(s AS DOUBLE)", null);
        check("COALESCE(TRY_CAST(s AS BIGINT), -1)", -1L);
    }

    @Test
    void castsThatAreNotAllowed() {
        error("CAST(ts AS BIGINT)", "column 1: cannot CAST TIMESTAMP to BIGINT; use EPOCH_MILLIS(ts) for milliseconds since 1970");
        error("CAST(n AS TIMESTAMP)", "column 1: cannot CAST BIGINT to TIMESTAMP; use TO_TIMESTAMP(millis)");
        error("CAST(s AS ARRAY<STRING>)", "column 1: cannot CAST STRING to ARRAY<STRING>; use SPLIT(s, delimiter)");
        error("CAST(d AS BOOLEAN)", "column 1: cannot CAST DOUBLE to BOOLEAN");
        error("CAST(b AS TIMESTAMP)", "column 1: cannot CAST BOOLEAN to TIMESTAMP");
        error("CAST(n AS BIGINT", "column 17: expected ')' but found end of expression");
        error("CAST(n BIGINT)", "column 8: expected AS but found 'BIGINT'");
    }
}
