package dev.eddy.expr;

import dev.eddy.expr.Expr.BinaryOp;
import dev.eddy.types.DataType;
import java.time.Instant;
import java.util.Comparator;

/**
 * Comparison tests chosen once per node from the operand type. Both operands already have that
 * type, so a test never inspects value classes. DOUBLE uses Java's primitive operators: NaN is
 * unequal to everything, and 0.0 equals -0.0.
 */
final class Comparisons {
    /** A test on two non-null values of the same type. */
    @FunctionalInterface
    interface Pred {
        boolean test(Object a, Object b);
    }

    private Comparisons() {}

    static Ev compare(BinaryOp op, DataType type, Ev left, Ev right) {
        Pred p = pred(op, type);
        return row -> {
            Object a = left.eval(row);
            if (a == null) return null;
            Object b = right.eval(row);
            if (b == null) return null;
            return p.test(a, b);
        };
    }

    static Pred pred(BinaryOp op, DataType type) {
        switch (type.kind()) {
            case BIGINT:
                switch (op) {
                    case EQ: return (a, b) -> l(a) == l(b);
                    case NE: return (a, b) -> l(a) != l(b);
                    case LT: return (a, b) -> l(a) < l(b);
                    case LE: return (a, b) -> l(a) <= l(b);
                    case GT: return (a, b) -> l(a) > l(b);
                    case GE: return (a, b) -> l(a) >= l(b);
                    default: throw new IllegalArgumentException(op.toString());
                }
            case DOUBLE:
                switch (op) {
                    case EQ: return (a, b) -> d(a) == d(b);
                    case NE: return (a, b) -> d(a) != d(b);
                    case LT: return (a, b) -> d(a) < d(b);
                    case LE: return (a, b) -> d(a) <= d(b);
                    case GT: return (a, b) -> d(a) > d(b);
                    case GE: return (a, b) -> d(a) >= d(b);
                    default: throw new IllegalArgumentException(op.toString());
                }
            case ARRAY:
                if (op == BinaryOp.EQ) return Object::equals;
                if (op == BinaryOp.NE) return (a, b) -> !a.equals(b);
                throw new IllegalArgumentException("arrays have no order");
            default:
                Comparator<Object> c = order(type);
                switch (op) {
                    case EQ: return (a, b) -> c.compare(a, b) == 0;
                    case NE: return (a, b) -> c.compare(a, b) != 0;
                    case LT: return (a, b) -> c.compare(a, b) < 0;
                    case LE: return (a, b) -> c.compare(a, b) <= 0;
                    case GT: return (a, b) -> c.compare(a, b) > 0;
                    case GE: return (a, b) -> c.compare(a, b) >= 0;
                    default: throw new IllegalArgumentException(op.toString());
                }
        }
    }

    /** A total order for GREATEST and LEAST; NaN sorts above every other DOUBLE. */
    static Comparator<Object> order(DataType type) {
        switch (type.kind()) {
            case BIGINT: return (a, b) -> Long.compare(l(a), l(b));
            case DOUBLE: return (a, b) -> Double.compare(d(a), d(b));
            case STRING: return (a, b) -> ((String) a).compareTo((String) b);
            case BOOLEAN: return (a, b) -> Boolean.compare((Boolean) a, (Boolean) b);
            case TIMESTAMP: return (a, b) -> ((Instant) a).compareTo((Instant) b);
            case NULL: return (a, b) -> 0;
            default: throw new IllegalArgumentException(type + " has no order");
        }
    }

    private static long l(Object o) { return (Long) o; }

    private static double d(Object o) { return (Double) o; }
}
