package dev.eddy.expr;

import dev.eddy.types.DataType;
import java.util.List;

/**
 * The typed syntax tree of an expression. Every node knows its result type and the 1-based
 * column of the token it came from. Conversions the language makes silently (BIGINT widened to
 * DOUBLE, NULL given a type) are explicit {@link Cast} nodes of kind IMPLICIT, so a later code
 * generator never has to re-derive typing rules. Function calls carry the canonical name.
 */
public sealed interface Expr {
    DataType type();

    int column();

    enum UnaryOp { NEGATE, NOT }

    enum BinaryOp {
        OR("OR"), AND("AND"),
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
        CONCAT("||"), ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%");

        private final String symbol;

        BinaryOp(String symbol) { this.symbol = symbol; }

        public String symbol() { return symbol; }

        public boolean isComparison() { return compareTo(EQ) >= 0 && compareTo(GE) <= 0; }

        public boolean isArithmetic() { return compareTo(ADD) >= 0; }
    }

    enum CastKind { EXPLICIT, TRY, IMPLICIT }

    enum Test { NULL, TRUE, FALSE }

    record Literal(Object value, DataType type, int column) implements Expr {}

    /** A field of the input schema; {@code index} is its position in the row. */
    record FieldRef(String name, int index, DataType type, int column) implements Expr {}

    record Unary(UnaryOp op, Expr operand, DataType type, int column) implements Expr {}

    /** Operands of comparisons and arithmetic already have one common type. */
    record Binary(BinaryOp op, Expr left, Expr right, DataType type, int column) implements Expr {}

    /** {@code escape} is the single ESCAPE character as a string, or null. */
    record Like(Expr value, Expr pattern, String escape, boolean negated, int column) implements Expr {
        @Override
        public DataType type() { return DataType.BOOLEAN; }
    }

    record In(Expr value, List<Expr> list, boolean negated, int column) implements Expr {
        public In { list = List.copyOf(list); }

        @Override
        public DataType type() { return DataType.BOOLEAN; }
    }

    record Between(Expr value, Expr low, Expr high, boolean negated, int column) implements Expr {
        @Override
        public DataType type() { return DataType.BOOLEAN; }
    }

    /** {@code value IS [NOT] NULL|TRUE|FALSE}; never yields NULL. */
    record Is(Expr value, Test test, boolean negated, int column) implements Expr {
        @Override
        public DataType type() { return DataType.BOOLEAN; }
    }

    /** {@code operand} is null for the searched form (CASE WHEN cond THEN ...); {@code otherwise} may be null. */
    record Case(Expr operand, List<When> whens, Expr otherwise, DataType type, int column) implements Expr {
        public Case { whens = List.copyOf(whens); }
    }

    record When(Expr condition, Expr result) {}

    record Cast(Expr operand, DataType type, CastKind kind, int column) implements Expr {}

    record Call(String function, List<Expr> args, DataType type, int column) implements Expr {
        public Call { args = List.copyOf(args); }
    }

    /** {@code array[index]}, 1-based. */
    record Index(Expr array, Expr index, DataType type, int column) implements Expr {}

    /** {@code ARRAY[a, b, ...]}. */
    record ArrayOf(List<Expr> elements, DataType type, int column) implements Expr {
        public ArrayOf { elements = List.copyOf(elements); }
    }
}
