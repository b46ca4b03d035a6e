package dev.eddy.expr;

import static dev.eddy.expr.Eval.check;
import static dev.eddy.expr.Eval.error;
import static dev.eddy.expr.Eval.type;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.types.DataType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParserTest {
    @Test
    void arithmeticPrecedence() {
        check("1 + 2 * 3", 7L);
        check("(1 + 2) * 3", 9L);
        check("10 - 4 - 3", 3L);
        check("100 / 10 / 5", 2L);
        check("2 + 7 % 4", 5L);
        check("-2 * 3", -6L);
        check("- n + 10", 3L);
        check("- (n + 10)", -17L);
        check("1 - -1", 2L);
    }

    @Test
    void concatBindsLooserThanAdditionButTighterThanComparison() {
        check("'a' || 'b' = 'ab'", true);
        check("s || '!' || s", "Hello!Hello");
        error("'n=' || n + 1", "column 6: || needs STRING operands but the right side is BIGINT; use CAST(x AS STRING) to join other values");
    }

    @Test
    void logicPrecedence() {
        check("TRUE OR FALSE AND FALSE", true);
        check("(TRUE OR FALSE) AND FALSE", false);
        check("NOT FALSE AND FALSE", false);
        check("NOT (FALSE AND FALSE)", true);
        check("NOT n = 7", false);
        check("NOT NOT b", true);
        check("n > 1 AND n < 10 OR s = 'x'", true);
        check("n BETWEEN 1 AND 10 AND s = 'Hello'", true);
        check("n = 7 = TRUE", true);
    }

    @Test
    void postfixIndexBindsTightest() {
        check("-nums[2]", -2L);
        check("nums[1] + nums[3] * 2", 7L);
        check("ARRAY[10, 20, 30][2]", 20L);
        check("SPLIT('x-y-z', '-')[3]", "z");
    }

    @Test
    void literals() {
        check("'it''s'", "it's");
        check("''", "");
        check("'\\W+'", "\\W+");
        check("42", 42L);
        check("1.5", 1.5);
        check(".5", 0.5);
        check("1e3", 1000.0);
        check("2.5E-1", 0.25);
        check("TRUE", true);
        check("false", false);
        check("NULL", null);
        check("9223372036854775807", Long.MAX_VALUE);
        check("-9223372036854775808", Long.MIN_VALUE);
        assertEquals(DataType.BIGINT, type("42"));
        assertEquals(DataType.DOUBLE, type("4.0"));
        assertEquals(DataType.NULL, type("NULL"));
    }

    @Test
    void timestampLiterals() {
        check("TIMESTAMP '2024-01-01 12:00:00'", Instant.parse("2024-01-01T12:00:00Z"));
        check("TIMESTAMP '2024-01-01 12:00:00.123'", Instant.parse("2024-01-01T12:00:00.123Z"));
        check("TIMESTAMP '2024-01-01T12:00:00Z'", Instant.parse("2024-01-01T12:00:00Z"));
        check("TIMESTAMP '2024-01-01T14:00:00+02:00'", Instant.parse("2024-01-01T12:00:00Z"));
        check("TIMESTAMP '2024-01-01'", Instant.parse("2024-01-01T00:00:00Z"));
        check("timestamp '2024-01-01 12:00'", Instant.parse("2024-01-01T12:00:00Z"));
        check("TIMESTAMP '2024-01-01 12:00:00.123456'", Instant.parse("2024-01-01T12:00:00.123Z"));
        error("TIMESTAMP '2024-13-01'", "column 11: '2024-13-01' is not a timestamp; write TIMESTAMP "
                + "'yyyy-MM-dd HH:mm:ss[.SSS]' (UTC) or ISO-8601 like '2024-01-01T12:00:00Z'");
    }

    @Test
    void keywordsAreCaseInsensitiveButFieldsAreNot() {
        check("n between 1 and 10 and not b is null", true);
        check("case when n > 0 then 'p' else 'n' end", "p");
        check("upper(s)", "HELLO");
        error("N > 1", "column 1: unknown field \"N\"; did you mean \"n\"? Fields: arr, b, d, n, narr, nb, nd, nn, "
                + "ns, nts, nums, odd name, s, ts, zero");
    }

    @Test
    void backquotedNames() {
        check("`odd name`", "odd");
        check("`s` || `odd name`", "Helloodd");
        error("`nope`", "column 1: unknown field \"nope\". Fields: arr, b, d, n, narr, nb, nd, nn, "
                + "ns, nts, nums, odd name, s, ts, zero");
        error("``", "column 1: empty field name ``");
        error("`s", "column 1: unterminated `name` starting here; close it with `");
    }

    @Test
    void wordsThatAreOnlyKeywordsInContext() throws ExpressionError {
        var schema = dev.eddy.types.Schema.of("timestamp", DataType.BIGINT, "array", DataType.BIGINT, "end", DataType.BIGINT);
        var row = dev.eddy.types.Row.of(5L, 6L, 7L);
        assertEquals(11L, Expressions.compile("timestamp + array", schema).evaluate(row));
        assertEquals(7L, Expressions.compile("`end`", schema).evaluate(row));
        assertEquals("column 1: expected an expression but found 'end'; END is a keyword (write `end` for a field of that name)",
                org.junit.jupiter.api.Assertions.assertThrows(ExpressionError.class,
                        () -> Expressions.compile("end", schema)).getMessage());
    }

    @Test
    void sqlSpecialCallForms() {
        check("POSITION('l' IN s)", 3L);
        check("POSITION('l', s)", 3L);
        check("SUBSTRING(s FROM 2)", "ello");
        check("SUBSTRING(s FROM 2 FOR 3)", "ell");
        check("SUBSTR(s, 2, 3)", "ell");
        check("CAST(n AS STRING) || 'x'", "7x");
        check("cast(n as varchar)", "7");
    }

    @Test
    void whitespaceAndNewlines() {
        check("  n\n  +\t1  ", 8L);
    }

    @Test
    void syntaxErrors() {
        error("(n + 1", "column 7: expected ')' but found end of expression");
        error("UPPER(s", "column 8: expected ',' or ')' but found end of expression");
        error("n +", "column 4: expected an expression but found end of expression");
        error("n n", "column 3: expected an operator or the end of the expression but found 'n'");
        error("s = 'abc", "column 5: unterminated string starting here; close it with ' (write '' for a quote inside the text)");
        error("", "column 1: the expression is empty");
        error("   ", "column 1: the expression is empty");
        error("n == 1", "column 3: use = to compare, not ==");
        error("s = \"x\"", "column 5: unexpected character '\"'; double quotes are not used: write 'text' for a string or `name` for a field");
        error("n # 1", "column 3: unexpected character '#'");
        error("n & 1", "column 3: unexpected character '&'; use AND");
        error("12abc", "column 1: '12abc' is not a number, and a name cannot start with a digit (write `12abc` for a field of that name)");
        error("99999999999999999999", "column 1: integer 99999999999999999999 does not fit in BIGINT "
                + "(-9223372036854775808 to 9223372036854775807); write 99999999999999999999.0 for a DOUBLE");
        error("n IS 5", "column 6: expected NULL, TRUE or FALSE after IS but found '5'");
        error("n IN ()", "column 7: IN () needs at least one value");
        error("n BETWEEN 1 OR 2", "column 13: expected AND but found 'OR'");
        error("CASE n END", "column 8: expected WHEN but found 'END'");
        error("CASE WHEN b THEN 1", "column 19: expected WHEN, ELSE or END but found end of expression");
        error("CAST(n AS DECIMAL)", "column 11: 'DECIMAL' is not a type; use STRING, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP or ARRAY<type>");
        error("ARRAY[]", "column 7: ARRAY[] needs at least one element");
        error("n AND AND b", "column 7: expected an expression but found 'AND'");
        error("s = 'a' 'b'", "column 9: expected an operator or the end of the expression but found string 'b'");
    }
}
