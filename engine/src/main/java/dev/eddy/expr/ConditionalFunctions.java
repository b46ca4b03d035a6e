package dev.eddy.expr;

import dev.eddy.expr.Expr.BinaryOp;

/**
 * Functions that choose between values. They evaluate lazily, like CASE, so
 * {@code IF(b = 0, NULL, a / b)} never divides by zero.
 */
final class ConditionalFunctions {
    private ConditionalFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.category("conditional");
        r.fn("COALESCE", "value T...", "T", "The first argument that is not NULL; later arguments are evaluated only when needed.",
                c -> firstNonNull(c.evs()));
        r.fn("IFNULL", "value T, fallback T", "T", "fallback when value is NULL, otherwise value.", c -> firstNonNull(c.evs()));
        r.fn("NULLIF", "value T, other T", "T", "NULL when value equals other, otherwise value.", c -> {
            Comparisons.Pred eq = Comparisons.pred(BinaryOp.EQ, c.type());
            Ev value = c.ev(0);
            Ev other = c.ev(1);
            return row -> {
                Object v = value.eval(row);
                if (v == null) return null;
                Object o = other.eval(row);
                return o != null && eq.test(v, o) ? null : v;
            };
        });
        r.fn("IF", "condition BOOLEAN, then T, otherwise T", "T",
                "then when condition is TRUE, otherwise when it is FALSE or NULL; only the chosen one is evaluated.", c -> {
                    Ev condition = c.ev(0);
                    Ev then = c.ev(1);
                    Ev otherwise = c.ev(2);
                    return row -> Boolean.TRUE.equals(condition.eval(row)) ? then.eval(row) : otherwise.eval(row);
                });
    }

    private static Ev firstNonNull(Ev[] args) {
        return row -> {
            for (Ev arg : args) {
                Object v = arg.eval(row);
                if (v != null) return v;
            }
            return null;
        };
    }
}
