package dev.eddy.expr;

/**
 * Builders for strict nodes: NULL in any argument gives NULL without calling the body. The
 * casts are unchecked because the type checker has already guaranteed the argument types.
 */
final class Fn {
    @FunctionalInterface
    interface F1<A> { Object apply(A a); }

    @FunctionalInterface
    interface F2<A, B> { Object apply(A a, B b); }

    @FunctionalInterface
    interface F3<A, B, C> { Object apply(A a, B b, C c); }

    private Fn() {}

    @SuppressWarnings("unchecked")
    static <A> Ev strict(Ev a, F1<A> f) {
        return row -> {
            Object x = a.eval(row);
            return x == null ? null : f.apply((A) x);
        };
    }

    @SuppressWarnings("unchecked")
    static <A, B> Ev strict(Ev a, Ev b, F2<A, B> f) {
        return row -> {
            Object x = a.eval(row);
            if (x == null) return null;
            Object y = b.eval(row);
            return y == null ? null : f.apply((A) x, (B) y);
        };
    }

    @SuppressWarnings("unchecked")
    static <A, B, C> Ev strict(Ev a, Ev b, Ev c, F3<A, B, C> f) {
        return row -> {
            Object x = a.eval(row);
            if (x == null) return null;
            Object y = b.eval(row);
            if (y == null) return null;
            Object z = c.eval(row);
            return z == null ? null : f.apply((A) x, (B) y, (C) z);
        };
    }
}
