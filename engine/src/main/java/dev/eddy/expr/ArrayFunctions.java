package dev.eddy.expr;

import static dev.eddy.expr.Fn.strict;

import dev.eddy.expr.Expr.BinaryOp;
import java.util.List;

/** ARRAY functions. Indexes are 1-based as in SQL, and out-of-range access gives NULL rather than an error. */
final class ArrayFunctions {
    private ArrayFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.category("array");
        r.fn("CARDINALITY", "arr ARRAY<T>", "BIGINT", "Number of elements in arr.",
                c -> strict(c.ev(0), (List<?> a) -> (long) a.size()));
        r.fn("ELEMENT_AT", "arr ARRAY<T>, index BIGINT", "T",
                "Element at the 1-based index, NULL when out of range; same as arr[index].",
                c -> strict(c.ev(0), c.ev(1), (List<?> a, Long i) -> elementAt(a, i)));
        r.fn("ARRAY_CONTAINS", "arr ARRAY<T>, value T", "BOOLEAN",
                "TRUE when arr holds value (a NULL value looks for NULL elements); NULL when arr is NULL.", ArrayFunctions::contains);
        r.fn("ARRAY_JOIN", "arr ARRAY<STRING>, separator STRING", "STRING",
                "The elements of arr joined with separator between them, skipping NULL elements.",
                c -> strict(c.ev(0), c.ev(1), (List<?> a, String sep) -> join(a, sep)));
        r.fn("ARRAY_APPEND", "arr ARRAY<T>, value T", "ARRAY<T>",
                "arr with value added at the end (a NULL value too); NULL when arr is NULL. As Flink SQL's ARRAY_APPEND.",
                ArrayFunctions::append);
        r.fn("ARRAY_SLICE", "arr ARRAY<T>, start BIGINT[, end BIGINT]", "ARRAY<T>",
                "The elements from start to end, both included and 1-based; 0 is the first, negative counts from the end,"
                        + " end defaults to the last; empty when start is after end. NULL when an argument is NULL."
                        + " As Flink SQL's ARRAY_SLICE.", ArrayFunctions::slice);
        r.fn("ARRAY_SORT", "arr ARRAY<C>[, ascending BOOLEAN, nullsFirst BOOLEAN]", "ARRAY<C>",
                "arr sorted, ascending by default; NULL elements first when ascending and last when descending unless"
                        + " nullsFirst says otherwise. NULL when an argument is NULL. As Flink SQL's ARRAY_SORT.",
                ArrayFunctions::sort);
    }

    private static Ev append(CallContext c) {
        Ev array = c.ev(0);
        Ev value = c.ev(1);
        return row -> {
            Object a = array.eval(row);
            if (a == null) return null;
            java.util.ArrayList<Object> out = new java.util.ArrayList<>((List<?>) a);
            out.add(value.eval(row));
            return java.util.Collections.unmodifiableList(out);
        };
    }

    private static Ev slice(CallContext c) {
        Ev array = c.ev(0);
        Ev start = c.ev(1);
        Ev end = c.argc() > 2 ? c.ev(2) : null;
        return row -> {
            List<?> a = (List<?>) array.eval(row);
            Long s = (Long) start.eval(row);
            Long e = end == null ? Long.valueOf(a == null ? 0 : a.size()) : (Long) end.eval(row);
            if (a == null || s == null || e == null) return null;
            int n = a.size();
            long from = s == 0 ? 1 : s < 0 ? n + s + 1 : s;
            long to = e == 0 ? 1 : e < 0 ? n + e + 1 : e;
            from = Math.max(from, 1);
            to = Math.min(to, n);
            if (from > to) return List.of();
            return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(a.subList((int) from - 1, (int) to)));
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Ev sort(CallContext c) {
        Ev array = c.ev(0);
        Ev ascending = c.argc() > 1 ? c.ev(1) : null;
        Ev nullsFirst = c.argc() > 2 ? c.ev(2) : null;
        return row -> {
            List<?> a = (List<?>) array.eval(row);
            Boolean asc = ascending == null ? Boolean.TRUE : (Boolean) ascending.eval(row);
            Boolean nf = nullsFirst == null ? asc : (Boolean) nullsFirst.eval(row);
            if (a == null || asc == null || nf == null) return null;
            java.util.Comparator<Object> order = (x, y) -> ((Comparable) x).compareTo(y);
            if (!asc) order = order.reversed();
            order = nf ? java.util.Comparator.nullsFirst(order) : java.util.Comparator.nullsLast(order);
            java.util.ArrayList<Object> out = new java.util.ArrayList<>(a);
            out.sort(order);
            return java.util.Collections.unmodifiableList(out);
        };
    }

    static Object elementAt(List<?> a, long index) {
        return index < 1 || index > a.size() ? null : a.get((int) (index - 1));
    }

    private static Ev contains(CallContext c) {
        Comparisons.Pred eq = Comparisons.pred(BinaryOp.EQ, c.argType(1));
        Ev array = c.ev(0);
        Ev value = c.ev(1);
        return row -> {
            Object a = array.eval(row);
            if (a == null) return null;
            Object v = value.eval(row);
            for (Object x : (List<?>) a) {
                if (v == null ? x == null : x != null && eq.test(x, v)) return true;
            }
            return false;
        };
    }

    private static String join(List<?> a, String separator) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (Object x : a) {
            if (x == null) continue;
            if (!first) b.append(separator);
            b.append((String) x);
            first = false;
        }
        return b.toString();
    }
}
