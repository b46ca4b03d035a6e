package dev.eddy.expr;

import static dev.eddy.expr.Eval.check;
import static dev.eddy.expr.Eval.error;
import static dev.eddy.expr.Eval.type;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.types.DataType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayAndConditionalFunctionsTest {
    @Test
    void appendSliceAndSortFollowFlinkSql() {
        check("ARRAY_APPEND(arr, 'd')", List.of("a", "b", "c", "d"));
        check("ARRAY_APPEND(arr, ns)", Arrays.asList("a", "b", "c", null));
        check("ARRAY_APPEND(CAST(NULL AS ARRAY<STRING>), 'd')", null);
        check("ARRAY_SLICE(arr, 2)", List.of("b", "c"));
        check("ARRAY_SLICE(arr, 1, 2)", List.of("a", "b"));
        check("ARRAY_SLICE(arr, 0, 1)", List.of("a"));
        check("ARRAY_SLICE(arr, -2, -1)", List.of("b", "c"));
        check("ARRAY_SLICE(arr, 3, 1)", List.of());
        check("ARRAY_SLICE(arr, 5, 9)", List.of());
        check("ARRAY_SLICE(arr, 2, 99)", List.of("b", "c"));
        check("ARRAY_SLICE(ARRAY['a', NULL], 2)", Arrays.asList((Object) null));
        check("ARRAY_SLICE(arr, CAST(NULL AS BIGINT))", null);
        check("ARRAY_SORT(ARRAY[3, 1, 2])", List.of(1L, 2L, 3L));
        check("ARRAY_SORT(ARRAY[3, 1, 2], FALSE)", List.of(3L, 2L, 1L));
        check("ARRAY_SORT(ARRAY['b', NULL, 'a'])", Arrays.asList(null, "a", "b"));
        check("ARRAY_SORT(ARRAY['b', NULL, 'a'], FALSE)", Arrays.asList("b", "a", null));
        check("ARRAY_SORT(ARRAY['b', NULL, 'a'], TRUE, FALSE)", Arrays.asList("a", "b", null));
        check("ARRAY_SORT(ARRAY[2, 1], CAST(NULL AS BOOLEAN))", null);
        assertEquals(DataType.arrayOf(DataType.DOUBLE), type("ARRAY_APPEND(ARRAY[1.5], 2)"));
    }

    @Test
    void arrays() {
        check("CARDINALITY(arr)", 3L);
        check("CARDINALITY(SPLIT('', ','))", 1L);
        check("ELEMENT_AT(arr, 1)", "a");
        check("ELEMENT_AT(arr, 3)", "c");
        check("ELEMENT_AT(arr, 4)", null);
        check("ELEMENT_AT(arr, 0)", null);
        check("ELEMENT_AT(arr, -1)", null);
        check("arr[2]", "b");
        check("arr[0]", null);
        check("arr[n]", null);
        check("nums[1 + 1] * 10", 20L);
        check("ARRAY_CONTAINS(arr, 'b')", true);
        check("ARRAY_CONTAINS(arr, 'z')", false);
        check("ARRAY_CONTAINS(nums, 2)", true);
        check("ARRAY_CONTAINS(nums, 2.0)", true);
        check("ARRAY_CONTAINS(nums, 2.5)", false);
        check("ARRAY_CONTAINS(ARRAY['a', NULL], ns)", true);
        check("ARRAY_CONTAINS(arr, ns)", false);
        check("ARRAY_JOIN(arr, '-')", "a-b-c");
        check("ARRAY_JOIN(ARRAY['', 'x', NULL, 'y'], ',')", ",x,y");
        check("ARRAY['x', s]", List.of("x", "Hello"));
        check("ARRAY[n, NULL]", Arrays.asList(7L, null));
        assertEquals(DataType.arrayOf(DataType.DOUBLE), type("ARRAY[n, 1.5]"));
        assertEquals(DataType.STRING, type("arr[1]"));
        assertEquals(DataType.BIGINT, type("ELEMENT_AT(nums, 1)"));
    }

    @Test
    void arrayNullsAndErrors() {
        for (String e : List.of("CARDINALITY(narr)", "ELEMENT_AT(narr, 1)", "ELEMENT_AT(arr, nn)", "narr[1]",
                "arr[nn]", "ARRAY_CONTAINS(narr, 'a')", "ARRAY_JOIN(narr, ',')", "ARRAY_JOIN(arr, ns)")) {
            check(e, null);
        }
        error("CARDINALITY(s)", "column 13: CARDINALITY argument 1 must be an ARRAY but is STRING");
        error("ARRAY_CONTAINS(arr, 1)", "column 21: ARRAY_CONTAINS argument 2 is BIGINT but must match the STRING of the earlier arguments");
        error("ARRAY_JOIN(nums, ',')", "column 12: ARRAY_JOIN argument 1 must be ARRAY<STRING> but is ARRAY<BIGINT>");
        error("s[1]", "column 2: [ ] needs an ARRAY on the left but found STRING");
        error("arr['1']", "column 5: an array index must be BIGINT but is STRING");
        error("ARRAY[1, 'x']", "column 10: ARRAY elements must have one type, but this one is STRING and an earlier one is BIGINT");
    }

    @Test
    void coalesceAndFriends() {
        check("COALESCE(ns, 'fallback')", "fallback");
        check("COALESCE(s, 'fallback')", "Hello");
        check("COALESCE(nn, nn, 3)", 3L);
        check("COALESCE(nn, nn)", null);
        check("COALESCE(nn, d)", 2.5);
        check("COALESCE(n, 1 / zero)", 7L);
        check("IFNULL(nn, 0)", 0L);
        check("IFNULL(n, 0)", 7L);
        check("NULLIF(n, 7)", null);
        check("NULLIF(n, 8)", 7L);
        check("NULLIF(nn, 8)", null);
        check("NULLIF(n, nn)", 7L);
        check("NULLIF(s, '')", "Hello");
        check("IF(b, 'yes', 'no')", "yes");
        check("IF(nb, 'yes', 'no')", "no");
        check("IF(NOT b, 1, 2.5)", 2.5);
        check("IF(zero = 0, NULL, n / zero)", null);
        check("IF(n > 0, ns, 'x')", null);
        assertEquals(DataType.DOUBLE, type("COALESCE(nn, 1.5)"));
        assertEquals(DataType.DOUBLE, type("IF(b, 1, 2.5)"));
        assertEquals(DataType.NULL, type("COALESCE(NULL, NULL)"));
        error("COALESCE(n, 'x')", "column 13: COALESCE argument 2 is STRING but must match the BIGINT of the earlier arguments");
        error("IF(n, 1, 2)", "column 4: IF argument 1 must be BOOLEAN but is BIGINT");
        error("IF(b, 1)", "column 1: IF takes 3 arguments (BOOLEAN, T, T) but got 2");
        error("NULLIF(s)", "column 1: NULLIF takes 2 arguments (T, T) but got 1");
    }
}
