package dev.eddy.expr;

import dev.eddy.expr.Expr.BinaryOp;
import dev.eddy.types.DataType;
import dev.eddy.types.DataType.Kind;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.function.LongBinaryOperator;

/**
 * Turns a typed tree into closures, one per node, with every type decision made here rather
 * than per row. Subtrees without field references are evaluated once and replaced by constants.
 */
final class Compiler {
    /** Whether each compiled node's subtree reads no field; filled bottom-up so the check is O(1) per node. */
    private final Map<Expr, Boolean> constant = new IdentityHashMap<>();

    Ev compile(Expr e) throws ExpressionError {
        Ev ev = build(e);
        boolean isConstant = !(e instanceof Expr.FieldRef);
        for (Expr child : Exprs.children(e)) isConstant &= constant.getOrDefault(child, Boolean.FALSE);
        constant.put(e, isConstant);
        if (ev instanceof Const || !isConstant) return ev;
        try {
            return new Const(ev.eval(null));
        } catch (RuntimeException failsOnEveryRow) {
            // Kept unfolded: it may sit in a branch no row reaches, e.g. CASE WHEN x > 0 THEN 1 / 0 END.
            return ev;
        }
    }

    private Ev build(Expr e) throws ExpressionError {
        if (e instanceof Expr.Literal l) return new Const(l.value());
        if (e instanceof Expr.FieldRef f) {
            int i = f.index();
            return row -> row.get(i);
        }
        if (e instanceof Expr.Unary u) return unary(u);
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Like l) return like(l);
        if (e instanceof Expr.In in) return in(in);
        if (e instanceof Expr.Between b) return between(b);
        if (e instanceof Expr.Is is) return is(is);
        if (e instanceof Expr.Case c) return caseExpr(c);
        if (e instanceof Expr.Cast c) return Casts.compile(c, compile(c.operand()));
        if (e instanceof Expr.Call c) return FunctionRegistry.lookup(c.function()).impl().build(new CallContext(c, all(c.args())));
        if (e instanceof Expr.Index ix) {
            return Fn.strict(compile(ix.array()), compile(ix.index()), (List<?> a, Long i) -> ArrayFunctions.elementAt(a, i));
        }
        if (e instanceof Expr.ArrayOf a) return arrayOf(all(a.elements()));
        throw new IllegalStateException("unhandled " + e);
    }

    private Ev[] all(List<Expr> items) throws ExpressionError {
        Ev[] out = new Ev[items.size()];
        for (int i = 0; i < out.length; i++) out[i] = compile(items.get(i));
        return out;
    }

    private Ev unary(Expr.Unary u) throws ExpressionError {
        Ev x = compile(u.operand());
        if (u.op() == Expr.UnaryOp.NOT) return Fn.strict(x, (Boolean b) -> !b);
        if (u.type().kind() == Kind.BIGINT) return Fn.strict(x, (Long v) -> -v);
        return Fn.strict(x, (Double v) -> -v);
    }

    private Ev binary(Expr.Binary b) throws ExpressionError {
        Ev l = compile(b.left());
        Ev r = compile(b.right());
        BinaryOp op = b.op();
        if (op == BinaryOp.AND) {
            // Three-valued: FALSE wins over NULL, and the right side is skipped once the left is FALSE.
            return row -> {
                Object x = l.eval(row);
                if (Boolean.FALSE.equals(x)) return false;
                Object y = r.eval(row);
                if (Boolean.FALSE.equals(y)) return false;
                return x == null || y == null ? null : Boolean.TRUE;
            };
        }
        if (op == BinaryOp.OR) {
            return row -> {
                Object x = l.eval(row);
                if (Boolean.TRUE.equals(x)) return true;
                Object y = r.eval(row);
                if (Boolean.TRUE.equals(y)) return true;
                return x == null || y == null ? null : Boolean.FALSE;
            };
        }
        if (op == BinaryOp.CONCAT) return Fn.strict(l, r, (String x, String y) -> x.concat(y));
        if (op.isComparison()) return Comparisons.compare(op, b.left().type(), l, r);
        if (b.type().kind() == Kind.DOUBLE) {
            DoubleBinaryOperator f = doubleOp(op);
            return Fn.strict(l, r, (Double x, Double y) -> f.applyAsDouble(x, y));
        }
        LongBinaryOperator f = longOp(op, b);
        return Fn.strict(l, r, (Long x, Long y) -> f.applyAsLong(x, y));
    }

    private static DoubleBinaryOperator doubleOp(BinaryOp op) {
        switch (op) {
            case ADD: return (x, y) -> x + y;
            case SUBTRACT: return (x, y) -> x - y;
            case MULTIPLY: return (x, y) -> x * y;
            case DIVIDE: return (x, y) -> x / y;
            case MODULO: return (x, y) -> x % y;
            default: throw new IllegalArgumentException(op.toString());
        }
    }

    /** Java long semantics: overflow wraps around, division truncates toward zero. */
    private static LongBinaryOperator longOp(BinaryOp op, Expr where) {
        switch (op) {
            case ADD: return (x, y) -> x + y;
            case SUBTRACT: return (x, y) -> x - y;
            case MULTIPLY: return (x, y) -> x * y;
            case DIVIDE: return (x, y) -> {
                if (y == 0) throw divisionByZero(where);
                return x / y;
            };
            case MODULO: return (x, y) -> {
                if (y == 0) throw divisionByZero(where);
                return x % y;
            };
            default: throw new IllegalArgumentException(op.toString());
        }
    }

    /** The message prints the expression only when it happens, so compiling long expressions stays linear. */
    static EvaluationException divisionByZero(Expr where) {
        return new EvaluationException("division by zero in `" + Exprs.print(where) + "`");
    }

    private Ev like(Expr.Like l) throws ExpressionError {
        Ev value = compile(l.value());
        Ev pattern = compile(l.pattern());
        boolean negated = l.negated();
        Function<String, LikePattern> compiled;
        if (pattern instanceof Const c && c.value() instanceof String p) {
            LikePattern once;
            try {
                once = LikePattern.compile(p, l.escape());
            } catch (IllegalArgumentException bad) {
                throw new ExpressionError(l.pattern().column(), "bad LIKE pattern " + Values.quote(p) + ": " + bad.getMessage());
            }
            compiled = ignored -> once;
        } else {
            compiled = new LastValueCache<>("bad LIKE pattern", p -> LikePattern.compile(p, l.escape()));
        }
        return Fn.strict(value, pattern, (String s, String p) -> compiled.apply(p).matches(s) != negated);
    }

    private Ev in(Expr.In in) throws ExpressionError {
        Ev value = compile(in.value());
        Ev[] items = all(in.list());
        boolean negated = in.negated();
        if (Arrays.stream(items).allMatch(Const.class::isInstance)) {
            // All constants: one hash lookup per row instead of a scan.
            Set<Object> set = new HashSet<>();
            boolean hasNull = false;
            for (Ev item : items) {
                Object v = ((Const) item).value();
                if (v == null) hasNull = true;
                else set.add(hashable(v));
            }
            Boolean missing = hasNull ? null : negated;
            return row -> {
                Object v = value.eval(row);
                if (v == null) return null;
                boolean nan = v instanceof Double d && d.isNaN();
                return !nan && set.contains(hashable(v)) ? (Boolean) !negated : missing;
            };
        }
        Comparisons.Pred eq = Comparisons.pred(BinaryOp.EQ, in.value().type());
        return row -> {
            Object v = value.eval(row);
            if (v == null) return null;
            boolean sawNull = false;
            for (Ev item : items) {
                Object x = item.eval(row);
                if (x == null) sawNull = true;
                else if (eq.test(v, x)) return !negated;
            }
            return sawNull ? null : (Boolean) negated;
        };
    }

    /** -0.0 and 0.0 are equal in SQL but not to Double.equals. */
    private static Object hashable(Object v) {
        return v instanceof Double d && d == 0.0 ? (Object) 0.0 : v;
    }

    private Ev between(Expr.Between b) throws ExpressionError {
        Ev value = compile(b.value());
        Ev low = compile(b.low());
        Ev high = compile(b.high());
        DataType t = b.value().type();
        Comparisons.Pred ge = Comparisons.pred(BinaryOp.GE, t);
        Comparisons.Pred le = Comparisons.pred(BinaryOp.LE, t);
        boolean negated = b.negated();
        return row -> {
            Object v = value.eval(row);
            if (v == null) return null;
            Object lo = low.eval(row);
            Object hi = high.eval(row);
            if ((lo != null && !ge.test(v, lo)) || (hi != null && !le.test(v, hi))) return negated;
            if (lo == null || hi == null) return null;
            return !negated;
        };
    }

    private Ev is(Expr.Is is) throws ExpressionError {
        Ev v = compile(is.value());
        boolean negated = is.negated();
        switch (is.test()) {
            case NULL: return row -> (v.eval(row) == null) != negated;
            case TRUE: return row -> Boolean.TRUE.equals(v.eval(row)) != negated;
            default: return row -> Boolean.FALSE.equals(v.eval(row)) != negated;
        }
    }

    private Ev caseExpr(Expr.Case c) throws ExpressionError {
        int n = c.whens().size();
        Ev[] conditions = new Ev[n];
        Ev[] results = new Ev[n];
        for (int i = 0; i < n; i++) {
            conditions[i] = compile(c.whens().get(i).condition());
            results[i] = compile(c.whens().get(i).result());
        }
        Ev otherwise = c.otherwise() == null ? new Const(null) : compile(c.otherwise());
        if (c.operand() == null) {
            return row -> {
                for (int i = 0; i < n; i++) if (Boolean.TRUE.equals(conditions[i].eval(row))) return results[i].eval(row);
                return otherwise.eval(row);
            };
        }
        Ev operand = compile(c.operand());
        Comparisons.Pred eq = Comparisons.pred(BinaryOp.EQ, c.operand().type());
        return row -> {
            Object v = operand.eval(row);
            if (v != null) {
                for (int i = 0; i < n; i++) {
                    Object w = conditions[i].eval(row);
                    if (w != null && eq.test(v, w)) return results[i].eval(row);
                }
            }
            return otherwise.eval(row);
        };
    }

    private static Ev arrayOf(Ev[] elements) {
        return row -> {
            Object[] out = new Object[elements.length];
            for (int i = 0; i < out.length; i++) out[i] = elements[i].eval(row);
            return Collections.unmodifiableList(Arrays.asList(out));
        };
    }
}
