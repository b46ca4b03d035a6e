package dev.eddy.expr;

import static dev.eddy.expr.Eval.check;
import static dev.eddy.expr.Eval.error;
import static dev.eddy.expr.Eval.eval;
import static dev.eddy.expr.Eval.type;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MathFunctionsTest {
    @Test
    void resultKeepsTheArgumentType() {
        check("ABS(-n)", 7L);
        check("ABS(-2.5)", 2.5);
        check("CEIL(2.1)", 3.0);
        check("CEILING(-2.1)", -2.0);
        check("CEIL(n)", 7L);
        check("FLOOR(2.9)", 2.0);
        check("FLOOR(-2.1)", -3.0);
        check("FLOOR(n)", 7L);
        check("SIGN(-n)", -1L);
        check("SIGN(0)", 0L);
        check("SIGN(d)", 1.0);
        assertEquals(DataType.BIGINT, type("ABS(n)"));
        assertEquals(DataType.DOUBLE, type("ABS(d)"));
    }

    @Test
    void rounding() {
        check("ROUND(2.5)", 3.0);
        check("ROUND(-2.5)", -3.0);
        check("ROUND(2.675, 2)", 2.68);
        check("ROUND(1234.5678, -2)", 1200.0);
        check("ROUND(1234, -2)", 1200L);
        check("ROUND(1250, -2)", 1300L);
        check("ROUND(-1250, -2)", -1300L);
        check("ROUND(n, 2)", 7L);
        check("ROUND(n, -30)", 0L);
        check("ROUND(d)", 3.0);
        check("ROUND(SQRT(-1.0), 2)", Double.NaN);
        check("TRUNCATE(2.789, 2)", 2.78);
        check("TRUNCATE(-2.789)", -2.0);
        check("TRUNCATE(1299, -2)", 1200L);
    }

    @Test
    void modulo() {
        check("MOD(n, 4)", 3L);
        check("MOD(-n, 4)", -3L);
        check("MOD(7.5, 2)", 1.5);
        check("MOD(n, 2.5)", 2.0);
    }

    @Test
    void powersAndLogs() {
        check("SQRT(16)", 4.0);
        check("SQRT(-1)", Double.NaN);
        check("POWER(2, 10)", 1024.0);
        check("POW(n, 2)", 49.0);
        check("EXP(0)", 1.0);
        check("LN(EXP(2))", 2.0);
        check("LN(0)", Double.NEGATIVE_INFINITY);
        check("LOG10(1000)", 3.0);
        check("LOG2(8)", 3.0);
        check("LOG2(1073741824)", 30.0);
        check("LOG2(0.5)", -1.0);
        assertEquals(Math.log(10) / Math.log(2), (Double) eval("LOG2(10)"), 1e-15);
        check("PI()", Math.PI);
    }

    @Test
    void greatestAndLeast() {
        check("GREATEST(1, n, 3)", 7L);
        check("LEAST(1, n, 3)", 1L);
        check("GREATEST(1, 2.5)", 2.5);
        check("LEAST(n, d)", 2.5);
        check("GREATEST('apple', 'pear', s)", "pear");
        check("LEAST(ts, TIMESTAMP '2000-01-01')", java.time.Instant.parse("2000-01-01T00:00:00Z"));
        check("GREATEST(n, nn)", null);
        check("GREATEST(FALSE, b)", true);
        assertEquals(DataType.DOUBLE, type("GREATEST(n, 1.0)"));
        error("GREATEST(n, 'x')", "column 13: GREATEST argument 2 is STRING but must match the BIGINT of the earlier arguments");
        error("LEAST(arr, arr)", "column 7: LEAST argument 1 must be a single value, not ARRAY<STRING>");
    }

    @Test
    void nullInputsGiveNull() {
        for (String e : List.of("ABS(nn)", "ABS(nd)", "CEIL(nd)", "CEILING(nn)", "FLOOR(nd)", "ROUND(nd)",
                "ROUND(d, nn)", "TRUNCATE(nn)", "TRUNCATE(d, nn)", "SIGN(nn)", "MOD(nn, 2)", "MOD(n, nn)", "SQRT(nd)",
                "POWER(nd, 2)", "POWER(2, nn)", "EXP(nd)", "LN(nd)", "LOG10(nn)", "LOG2(nd)", "LEAST(nn, 1)",
                "ABS(NULL)", "GREATEST(NULL, NULL)")) {
            check(e, null);
        }
        assertEquals(DataType.BIGINT, type("ABS(NULL)"));
    }

    @Test
    void argumentChecks() {
        error("ABS(s)", "column 5: ABS argument 1 must be a number (BIGINT or DOUBLE) but is STRING");
        error("SQRT(s)", "column 6: SQRT argument 1 must be DOUBLE but is STRING");
        error("ROUND(d, 1.5)", "column 10: ROUND argument 2 must be BIGINT but is DOUBLE");
        error("ROUND()", "column 1: ROUND takes 1 or 2 arguments (N[, BIGINT]) but got 0");
        error("POWER(2)", "column 1: POWER takes 2 arguments (DOUBLE, DOUBLE) but got 1");
        error("PI(1)", "column 1: PI takes no arguments () but got 1");
        error("GREATEST()", "column 1: GREATEST takes at least 1 argument (C...) but got 0");
    }
}
