package dev.eddy.expr;

import dev.eddy.types.DataType;
import dev.eddy.types.DataType.Kind;

/** The implicit conversion rules: NULL fits every type, and BIGINT widens to DOUBLE. Nothing else is implicit. */
public final class Types {
    private Types() {}

    static boolean isNull(DataType t) { return t.kind() == Kind.NULL; }

    public static boolean assignable(DataType from, DataType to) {
        if (from.equals(to) || isNull(from)) return true;
        if (from.kind() == Kind.BIGINT && to.kind() == Kind.DOUBLE) return true;
        return from.kind() == Kind.ARRAY && to.kind() == Kind.ARRAY && assignable(from.element(), to.element());
    }

    /** The type both values fit, or null when there is none (for CASE branches, IN lists, comparisons). */
    public static DataType unify(DataType a, DataType b) {
        if (isNull(a)) return b;
        if (isNull(b) || a.equals(b)) return a;
        if (a.isNumeric() && b.isNumeric()) return DataType.DOUBLE;
        if (a.kind() == Kind.ARRAY && b.kind() == Kind.ARRAY) {
            DataType e = unify(a.element(), b.element());
            return e == null ? null : DataType.arrayOf(e);
        }
        return null;
    }

    /** Makes an assignable expression produce exactly {@code target}; literals are converted in place. */
    static Expr coerce(Expr e, DataType target) {
        if (e.type().equals(target) || isNull(target)) return e;
        if (e instanceof Expr.Literal lit) {
            if (lit.value() == null) return new Expr.Literal(null, target, lit.column());
            if (lit.value() instanceof Long v && target.kind() == Kind.DOUBLE) {
                return new Expr.Literal(v.doubleValue(), DataType.DOUBLE, lit.column());
            }
        }
        return new Expr.Cast(e, target, Expr.CastKind.IMPLICIT, e.column());
    }
}
