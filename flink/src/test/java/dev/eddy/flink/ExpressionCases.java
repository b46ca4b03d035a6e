package dev.eddy.flink;

import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The expressions both Flink exports are checked on, and the records they are computed over:
 * edge values (NULLs, extremes, NaN, empty and astral strings) and a few hundred seeded random ones.
 */
public final class ExpressionCases {
    private ExpressionCases() {}

    public static final Schema SCHEMA = new Schema(List.of(
            new dev.eddy.types.Field("a", DataType.BIGINT), new dev.eddy.types.Field("b", DataType.BIGINT),
            new dev.eddy.types.Field("x", DataType.DOUBLE), new dev.eddy.types.Field("y", DataType.DOUBLE),
            new dev.eddy.types.Field("s", DataType.STRING), new dev.eddy.types.Field("t", DataType.STRING),
            new dev.eddy.types.Field("p", DataType.BOOLEAN), new dev.eddy.types.Field("q", DataType.BOOLEAN),
            new dev.eddy.types.Field("ts", DataType.TIMESTAMP)));

    public static final List<String> EXPRESSIONS = List.of(
            "a + b", "a - b", "a * b", "a / b", "a % b", "-a", "x + y", "x - y", "x * y", "x / y", "x % y", "-x", "a + x",
            "a = b", "a <> b", "a < b", "a <= b", "a > b", "a >= b", "x = y", "x < y", "x >= y", "s = t", "s < t", "p = q",
            "ts < TIMESTAMP '2024-01-01 00:00:01'", "p AND q", "p OR q", "NOT p", "p AND a / b > 0", "p OR a / b > 0",
            "s || t", "s LIKE 'a%'", "s LIKE '_b%'", "s NOT LIKE '%!%%' ESCAPE '!'", "s LIKE t",
            "a IN (1, 2, NULL)", "a IN (0, 1)", "a NOT IN (0, 1)", "x IN (0.0, 1.5)", "s IN ('ab', 'é')",
            "a BETWEEN 0 AND 10", "a NOT BETWEEN b AND 10", "x BETWEEN -1 AND y",
            "a IS NULL", "s IS NOT NULL", "p IS TRUE", "p IS NOT FALSE",
            "CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END", "CASE a WHEN 1 THEN 10 WHEN 2 THEN 20 END",
            "CASE WHEN b = 0 THEN NULL ELSE a / b END", "CASE s WHEN 'ab' THEN x END",
            "CAST(a AS STRING)", "CAST(x AS STRING)", "CAST(p AS STRING)", "CAST(ts AS STRING)", "CAST(s AS BIGINT)",
            "TRY_CAST(s AS BIGINT)", "CAST(s AS DOUBLE)", "TRY_CAST(s AS DOUBLE)", "TRY_CAST(s AS BOOLEAN)", "CAST(x AS BIGINT)",
            "CAST(a AS DOUBLE)", "CAST(p AS BIGINT)", "CAST(a AS BOOLEAN)", "TRY_CAST(s AS TIMESTAMP)",
            "UPPER(s)", "LOWER(s)", "TRIM(s)", "LTRIM(s)", "RTRIM(s)", "LENGTH(s)", "CHAR_LENGTH(t)", "SUBSTRING(s, a)",
            "SUBSTRING(s, a, b)", "SUBSTR(s, 2)", "REPLACE(s, 'a', t)", "CONCAT(s, t, 'z')", "CONCAT_WS('-', s, t)",
            "POSITION(t IN s)", "LOCATE('b', s)", "STARTS_WITH(s, t)", "ENDS_WITH(s, 'b')", "REVERSE(s)",
            "REGEXP(s, '[0-9]')", "REGEXP_EXTRACT(s, '([a-z])([a-z])', 2)", "REGEXP_EXTRACT(s, 'b.')",
            "REGEXP_REPLACE(s, '[aeiou]', '*')", "REGEXP_SPLIT(LOWER(s), '\\W+')", "SPLIT(s, 'b')", "SPLIT(s, '')",
            "ABS(a)", "ABS(x)", "CEIL(x)", "CEILING(a)", "FLOOR(x)", "SIGN(x)", "SIGN(a)", "ROUND(x)", "ROUND(x, 2)",
            "ROUND(a, -1)", "MOD(a, b)", "MOD(x, y)", "SQRT(x)", "POWER(x, 2)", "POW(x, y)", "EXP(x)", "LN(x)", "LOG10(x)",
            "PI() * x", "GREATEST(a, b, 3)", "LEAST(x, y)", "GREATEST(s, t)", "COALESCE(s, t, 'none')", "COALESCE(a, a / b, 7)",
            "IFNULL(x, 0)", "NULLIF(a, b)", "NULLIF(x, 0.0)", "IF(p, a, b)", "IF(b <> 0, a / b, NULL)",
            "EPOCH_MILLIS(ts)", "TO_TIMESTAMP(a)", "TIMESTAMP_ADD(ts, 1500)", "CARDINALITY(SPLIT(s, 'b'))",
            "ELEMENT_AT(SPLIT(s, 'b'), 2)", "SPLIT(s, 'b')[1]", "ARRAY[s, t]", "ARRAY[a, 1] = ARRAY[1, 1]",
            "ARRAY_CONTAINS(ARRAY[a, b], 2)", "ARRAY_CONTAINS(SPLIT(s, 'b'), t)", "ARRAY_JOIN(ARRAY[s, t, 'x'], '+')",
            "ARRAY_APPEND(ARRAY[x], y)", "ARRAY_SLICE(ARRAY[a, b, 3, 4], b)", "ARRAY_SLICE(ARRAY[a, b, 3, 4], -3, a)",
            "ARRAY_SORT(ARRAY[x, y, 0.5])", "ARRAY_SORT(ARRAY[s, t, 'm'], p)", "ARRAY_SORT(ARRAY[a, b], q, p)");

    private static final Object[][] EDGES = {
            {0L, 0L, 0.0, -0.0, "", "", true, false, Instant.parse("2024-01-01T00:00:00Z")},
            {1L, 2L, 1.5, 2.675, "ab", "b", false, null, Instant.parse("2024-01-01T00:00:00.250Z")},
            {-7L, 3L, -2.5, Double.NaN, "  a b  ", " ", null, true, Instant.parse("2023-12-31T23:59:59.999Z")},
            {Long.MAX_VALUE, -1L, Double.POSITIVE_INFINITY, 1e300, "é🙂x", "🙂", true, true, null},
            {Long.MIN_VALUE, -1L, 1e-9, -1e-9, "Hello, World 42", "o", false, false, Instant.ofEpochMilli(0)},
            {null, 5L, null, 3.0, null, "x", null, null, Instant.parse("2024-02-29T12:00:00Z")},
            {12L, null, 100.125, null, "42", null, true, null, Instant.parse("2024-01-01T00:00:01Z")},
            {2L, 0L, 4.0, 0.0, "1.5", "1e3", false, true, null},
            {15L, 4L, 2.0, 3.0, "yes", "2024-01-01 10:00:00", true, false, null},
            {-3L, -2L, -0.5, 0.5, "a%b", "A%", false, true, null},
    };

    public static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>(Arrays.asList(EDGES));
        SplittableRandom r = new SplittableRandom(20261207);
        String[] words = {"", "a", "ab", "b", "Ab", "abc def", " x ", "1", "-20", "true", "é", "a_b", "%", "2024-01-01"};
        for (int i = 0; i < 300; i++) {
            rows.add(new Object[] {r.nextInt(8) == 0 ? null : (long) r.nextInt(-20, 21), r.nextInt(8) == 0 ? null : (long) r.nextInt(-5, 6),
                    r.nextInt(8) == 0 ? null : r.nextInt(-400, 401) / 8.0, r.nextInt(8) == 0 ? null : r.nextInt(-40, 41) / 4.0,
                    r.nextInt(8) == 0 ? null : words[r.nextInt(words.length)], r.nextInt(8) == 0 ? null : words[r.nextInt(words.length)],
                    r.nextInt(4) == 0 ? null : r.nextBoolean(), r.nextInt(4) == 0 ? null : r.nextBoolean(),
                    r.nextInt(4) == 0 ? null : Instant.ofEpochMilli(1_704_067_200_000L + r.nextInt(-5000, 5000))});
        }
        return rows;
    }
}
