package dev.eddy.expr;

import static dev.eddy.expr.Fn.strict;

import dev.eddy.types.DataType.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;

/**
 * Numeric functions. N means the result has the argument's type: BIGINT in, BIGINT out (with
 * Java wrap-around), DOUBLE in, DOUBLE out (IEEE: NaN and Infinity instead of errors).
 */
final class MathFunctions {
    private MathFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.category("math");
        r.fn("ABS", "x N", "N", "Absolute value of x.",
                c -> numeric(c, (Long x) -> Math.abs(x), (Double x) -> Math.abs(x)));
        r.fn("CEIL", "x N", "N", "Smallest whole number not less than x.",
                c -> numeric(c, (Long x) -> x, (Double x) -> Math.ceil(x)));
        r.alias("CEILING", "CEIL");
        r.fn("FLOOR", "x N", "N", "Largest whole number not greater than x.",
                c -> numeric(c, (Long x) -> x, (Double x) -> Math.floor(x)));
        r.fn("ROUND", "x N[, digits BIGINT]", "N",
                "x rounded half away from zero to digits decimal places (default 0; negative digits round to tens, hundreds, ...).",
                c -> rounding(c, RoundingMode.HALF_UP));
        r.fn("TRUNCATE", "x N[, digits BIGINT]", "N", "x cut toward zero to digits decimal places (default 0).",
                c -> rounding(c, RoundingMode.DOWN));
        r.fn("SIGN", "x N", "N", "-1, 0 or 1 according to the sign of x.",
                c -> numeric(c, (Long x) -> (long) Long.signum(x), (Double x) -> Math.signum(x)));
        r.fn("MOD", "a N, b N", "N", "Remainder of a / b, with the sign of a; same as a % b.", c -> {
            Expr where = c.where();
            if (c.type().kind() == Kind.DOUBLE) return strict(c.ev(0), c.ev(1), (Double a, Double b) -> a % b);
            return strict(c.ev(0), c.ev(1), (Long a, Long b) -> {
                if (b == 0) throw Compiler.divisionByZero(where);
                return a % b;
            });
        });
        r.fn("SQRT", "x DOUBLE", "DOUBLE", "Square root of x; NaN when x < 0.",
                c -> strict(c.ev(0), (Double x) -> Math.sqrt(x)));
        r.fn("POWER", "x DOUBLE, y DOUBLE", "DOUBLE", "x raised to the power y.",
                c -> strict(c.ev(0), c.ev(1), (Double x, Double y) -> Math.pow(x, y)));
        r.alias("POW", "POWER");
        r.fn("EXP", "x DOUBLE", "DOUBLE", "e raised to the power x.", c -> strict(c.ev(0), (Double x) -> Math.exp(x)));
        r.fn("LN", "x DOUBLE", "DOUBLE", "Natural logarithm of x; NaN when x < 0, -Infinity when x = 0.",
                c -> strict(c.ev(0), (Double x) -> Math.log(x)));
        r.fn("LOG10", "x DOUBLE", "DOUBLE", "Base-10 logarithm of x.", c -> strict(c.ev(0), (Double x) -> Math.log10(x)));
        r.fn("LOG2", "x DOUBLE", "DOUBLE", "Base-2 logarithm of x.", c -> strict(c.ev(0), (Double x) -> log2(x)));
        r.fn("PI", "", "DOUBLE", "The constant pi (3.141592653589793).", c -> new Const(Math.PI));
        r.fn("GREATEST", "x C...", "C", "The largest argument; NULL if any argument is NULL.", c -> extreme(c.evs(), order(c, 1)));
        r.fn("LEAST", "x C...", "C", "The smallest argument; NULL if any argument is NULL.", c -> extreme(c.evs(), order(c, -1)));
    }

    private static Ev numeric(CallContext c, Fn.F1<Long> onLong, Fn.F1<Double> onDouble) {
        return c.type().kind() == Kind.DOUBLE ? strict(c.ev(0), onDouble) : strict(c.ev(0), onLong);
    }

    private static Ev rounding(CallContext c, RoundingMode mode) {
        Ev digits = c.argc() == 2 ? c.ev(1) : new Const(0L);
        if (c.type().kind() == Kind.DOUBLE) return strict(c.ev(0), digits, (Double x, Long d) -> roundDouble(x, d, mode));
        return strict(c.ev(0), digits, (Long x, Long d) -> roundLong(x, d, mode));
    }

    /** Rounds the decimal value Java prints for x, so ROUND(2.675, 2) is 2.68 as a person expects. */
    static double roundDouble(double x, long digits, RoundingMode mode) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        int scale = (int) Math.max(-400, Math.min(400, digits));
        return BigDecimal.valueOf(x).setScale(scale, mode).doubleValue();
    }

    static long roundLong(long x, long digits, RoundingMode mode) {
        if (digits >= 0) return x;
        return BigDecimal.valueOf(x).setScale((int) Math.max(-20, digits), mode).longValue();
    }

    private static double log2(double x) {
        double r = Math.log(x) / Math.log(2);
        double whole = Math.rint(r);
        // Exact for powers of two, where plain division can be off in the last bit.
        return Math.abs(r - whole) < 1e-9 && Math.pow(2, whole) == x ? whole : r;
    }

    private static Comparator<Object> order(CallContext c, int sign) {
        Comparator<Object> o = Comparisons.order(c.type());
        return sign > 0 ? o : o.reversed();
    }

    private static Ev extreme(Ev[] args, Comparator<Object> order) {
        return row -> {
            Object best = null;
            for (Ev arg : args) {
                Object v = arg.eval(row);
                if (v == null) return null;
                if (best == null || order.compare(v, best) > 0) best = v;
            }
            return best;
        };
    }
}
