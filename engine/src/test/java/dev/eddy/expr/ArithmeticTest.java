package dev.eddy.expr;

import static dev.eddy.expr.Eval.check;
import static dev.eddy.expr.Eval.error;
import static dev.eddy.expr.Eval.failure;
import static dev.eddy.expr.Eval.type;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.types.DataType;
import org.junit.jupiter.api.Test;

class ArithmeticTest {
    @Test
    void bigintArithmetic() {
        check("n + 3", 10L);
        check("n - 10", -3L);
        check("n * 6", 42L);
        check("n / 2", 3L);
        check("-n / 2", -3L);
        check("n % 4", 3L);
        check("-n % 4", -3L);
        assertEquals(DataType.BIGINT, type("n * 2 + 1"));
    }

    @Test
    void overflowWrapsAroundLikeJava() {
        check("9223372036854775807 + 1", Long.MIN_VALUE);
        check("-9223372036854775808 - 1", Long.MAX_VALUE);
        check("4611686018427387904 * 2", Long.MIN_VALUE);
        check("-(-9223372036854775808)", Long.MIN_VALUE);
        check("-9223372036854775808 / -1", Long.MIN_VALUE);
        check("ABS(-9223372036854775808)", Long.MIN_VALUE);
        // Through a field, so the runtime path (not constant folding) is what is checked.
        check("n * 1317624576693539401", 7L * 1317624576693539401L);
    }

    @Test
    void divisionByZero() {
        assertEquals("division by zero in `n / zero`", failure("n / zero"));
        assertEquals("division by zero in `n % zero`", failure("n % zero"));
        assertEquals("division by zero in `(n + 1) / (zero * 2)`", failure("(n + 1) / (zero * 2)"));
        assertEquals("division by zero in `MOD(n, zero)`", failure("MOD(n, zero)"));
        // A constant division by zero still compiles: it may sit in a branch no row reaches.
        assertEquals("division by zero in `1 / 0`", failure("1 / 0"));
        check("CASE WHEN n > 100 THEN 1 / 0 ELSE 5 END", 5L);
        check("nn / zero", null);
    }

    @Test
    void doubleArithmeticFollowsIeee() {
        check("d * 2", 5.0);
        check("d / 0", Double.POSITIVE_INFINITY);
        check("-d / 0", Double.NEGATIVE_INFINITY);
        check("0.0 / 0", Double.NaN);
        check("d % 0", Double.NaN);
        check("7.5 % 2", 1.5);
        check("1e308 * 10", Double.POSITIVE_INFINITY);
    }

    @Test
    void mixingWidensToDouble() {
        check("n + 0.5", 7.5);
        check("n / 2.0", 3.5);
        check("n * d", 17.5);
        check("-d", -2.5);
        assertEquals(DataType.DOUBLE, type("n + d"));
        assertEquals(DataType.DOUBLE, type("1 + 1.0"));
    }

    @Test
    void nullPropagates() {
        check("nn + 1", null);
        check("1 - nn", null);
        check("nd * 2", null);
        check("-nn", null);
        check("n + NULL", null);
        check("NULL * NULL", null);
        check("ns || 'x'", null);
        assertEquals(DataType.BIGINT, type("n + NULL"));
        assertEquals(DataType.DOUBLE, type("NULL + 1.5"));
    }

    @Test
    void concatenation() {
        check("s || ' ' || 'world'", "Hello world");
        check("'' || ''", "");
        check("CAST(n AS STRING) || '/' || CAST(d AS STRING)", "7/2.5");
    }

    @Test
    void typeErrors() {
        error("s + 1", "column 3: + needs numbers but the left side is STRING; use || to join strings");
        error("1 + s", "column 3: + needs numbers but the right side is STRING; use || to join strings");
        error("s * 2", "column 3: * needs numbers but the left side is STRING");
        error("ts + 1000", "column 4: + needs numbers but the left side is TIMESTAMP; "
                + "use TIMESTAMP_ADD(ts, millis) or EPOCH_MILLIS(ts) for time arithmetic");
        error("b - 1", "column 3: - needs numbers but the left side is BOOLEAN");
        error("-s", "column 1: unary - needs a number but the operand is STRING");
        error("n || 'x'", "column 3: || needs STRING operands but the left side is BIGINT; use CAST(x AS STRING) to join other values");
    }
}
