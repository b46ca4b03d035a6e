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
