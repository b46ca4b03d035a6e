package dev.eddy.expr;

import static dev.eddy.expr.Eval.check;
import static dev.eddy.expr.Eval.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogicTest {
    /** The SQL truth tables; the CSV writes NULL as the word NULL. */
    @ParameterizedTest(name = "{0} AND {1} = {2}; {0} OR {1} = {3}")
    @CsvSource({
        "TRUE, TRUE, TRUE, TRUE",
        "TRUE, FALSE, FALSE, TRUE",
        "TRUE, NULL, NULL, TRUE",
        "FALSE, TRUE, FALSE, TRUE",
        "FALSE, FALSE, FALSE, FALSE",
        "FALSE, NULL, FALSE, NULL",
        "NULL, TRUE, NULL, TRUE",
        "NULL, FALSE, FALSE, NULL",
        "NULL, NULL, NULL, NULL",
    })
    void threeValuedAndOr(String a, String b, String and, String or) {
        check(a + " AND " + b, bool(and));
        check(a + " OR " + b, bool(or));
        // The same through fields, so constant folding is not what makes it pass.
        check(field(a) + " AND " + field(b), bool(and));
        check(field(a) + " OR " + field(b), bool(or));
    }

    private static Boolean bool(String s) { return s.equals("NULL") ? null : Boolean.valueOf(s); }

    private static String field(String literal) {
        return literal.equals("NULL") ? "nb" : literal.equals("TRUE") ? "b" : "NOT b";
    }

    @Test
    void notAndIsTests() {
        check("NOT b", false);
        check("NOT nb", null);
        check("nb IS NULL", true);
        check("nb IS NOT NULL", false);
        check("s IS NOT NULL", true);
        check("b IS TRUE", true);
        check("nb IS TRUE", false);
        check("nb IS NOT TRUE", true);
        check("nb IS FALSE", false);
        check("nb IS NOT FALSE", true);
        check("NOT b IS FALSE", true);
        check("NULL IS NULL", true);
    }

    @Test
    void rightSideIsSkippedWhenLeftDecides() {
        check("FALSE AND 1 / zero = 1", false);
        check("TRUE OR 1 / zero = 1", true);
        check("zero <> 0 AND n / zero > 1", false);
    }

    @Test
    void comparisonsWithNullAreNull() {
        check("nn = 1", null);
        check("nn <> 1", null);
        check("1 < nn", null);
        check("ns = ns", null);
        check("NULL = NULL", null);
        check("nts > ts", null);
    }

    @Test
    void numericComparisonsAcrossTypes() {
        check("n = 7.0", true);
        check("n < 7.5", true);
        check("d > 2", true);
        check("d >= 2.5 AND d <= 2.5", true);
        check("n != 8", true);
        check("n <> 7", false);
        check("0.0 = -0.0", true);
        check("SQRT(-1.0) = SQRT(-1.0)", false);
        check("SQRT(-1.0) <> SQRT(-1.0)", true);
        check("9223372036854775807 > 9223372036854775806", true);
    }

    @Test
    void otherComparisons() {
        check("s = 'Hello'", true);
        check("s < 'Help'", true);
        check("'B' < 'a'", true);
        check("FALSE < TRUE", true);
        check("b >= FALSE", true);
        check("ts > TIMESTAMP '2024-03-05 10:20:30'", true);
        check("ts = TIMESTAMP '2024-03-05 10:20:30.123'", true);
        check("ts < '2024-03-06'", true);
        check("ts BETWEEN '2024-03-05' AND '2024-03-06'", true);
        check("arr = ARRAY['a', 'b', 'c']", true);
        check("nums <> ARRAY[1, 2]", true);
        check("nums = ARRAY[1.0, 2.0, 3.0]", true);
    }

    @Test
    void comparisonTypeErrors() {
        error("s = 1", "column 3: cannot compare STRING with BIGINT; CAST one side to the type of the other");
        error("n > 'x'", "column 3: cannot compare BIGINT with STRING; CAST one side to the type of the other");
        error("b = 1", "column 3: cannot compare BOOLEAN with BIGINT; CAST one side to the type of the other");
        error("ts > 5", "column 4: cannot compare TIMESTAMP with BIGINT; CAST one side to the type of the other");
        error("arr < arr", "column 5: arrays can only be compared with = and <>, not <");
        error("ts > 'yesterday'", "column 6: 'yesterday' is compared with a TIMESTAMP but is not a timestamp; "
                + "write 'yyyy-MM-dd HH:mm:ss[.SSS]' (UTC) or ISO-8601");
        error("n + 1 AND b", "column 7: AND needs BOOLEAN operands but the left side is BIGINT");
        error("NOT s", "column 1: NOT needs a BOOLEAN but the operand is STRING");
        error("s IS TRUE", "column 3: IS TRUE needs a BOOLEAN but the value is STRING");
    }

    @Test
    void inLists() {
        check("n IN (1, 7, 9)", true);
        check("n IN (1, 2)", false);
        check("n NOT IN (1, 2)", true);
        check("n NOT IN (7)", false);
        check("n IN (1, NULL)", null);
        check("n IN (7, NULL)", true);
        check("n NOT IN (1, NULL)", null);
        check("nn IN (1, 2)", null);
        check("n IN (7.0)", true);
        check("d IN (1, 2.5)", true);
        check("0.0 IN (-0.0)", true);
        check("s IN ('a', 'Hello')", true);
        check("ts IN ('2024-03-05 10:20:30.123')", true);
        // Non-constant items take the scanning path.
        check("n IN (zero, n)", true);
        check("n IN (zero, nn)", null);
        check("n NOT IN (zero, nn)", null);
        check("n NOT IN (zero, n + 1)", true);
        check("s IN (ns, UPPER(s), s)", true);
        error("n IN (1, 'x')", "column 3: cannot compare BIGINT with STRING; CAST one side to the type of the other");
    }

    @Test
    void between() {
        check("n BETWEEN 1 AND 10", true);
        check("n BETWEEN 7 AND 7", true);
        check("n BETWEEN 8 AND 10", false);
        check("n NOT BETWEEN 8 AND 10", true);
        check("n NOT BETWEEN 1 AND 10", false);
        check("n BETWEEN 10 AND 1", false);
        check("d BETWEEN 2 AND 3", true);
        check("s BETWEEN 'A' AND 'Z'", true);
        check("nn BETWEEN 1 AND 10", null);
        check("n BETWEEN nn AND 10", null);
        check("n BETWEEN nn AND 5", false);
        check("n NOT BETWEEN nn AND 5", true);
        check("n BETWEEN 8 AND nn", false);
        error("arr BETWEEN arr AND arr", "column 5: BETWEEN cannot order ARRAY values");
    }
}
