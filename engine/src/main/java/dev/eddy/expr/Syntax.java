package dev.eddy.expr;

import dev.eddy.types.DataType;
import java.util.List;

/** The parse tree before type checking; {@code pos} is the 0-based offset of the node's main token. */
sealed interface Syntax {
    int pos();

    record Lit(Object value, DataType type, int pos) implements Syntax {}

    record Ident(String name, int pos) implements Syntax {}

    record Unary(Expr.UnaryOp op, Syntax operand, int pos) implements Syntax {}

    record Binary(Expr.BinaryOp op, Syntax left, Syntax right, int pos) implements Syntax {}

    record Like(Syntax value, Syntax pattern, Syntax escape, boolean negated, int pos) implements Syntax {}

    record In(Syntax value, List<Syntax> list, boolean negated, int pos) implements Syntax {}

    record Between(Syntax value, Syntax low, Syntax high, boolean negated, int pos) implements Syntax {}

    record Is(Syntax value, Expr.Test test, boolean negated, int pos) implements Syntax {}

    record Case(Syntax operand, List<Syntax> whens, List<Syntax> thens, Syntax otherwise, int pos) implements Syntax {}

    record Cast(Syntax operand, DataType type, boolean orNull, int pos) implements Syntax {}

    record Call(String name, List<Syntax> args, int pos) implements Syntax {}

    record Index(Syntax array, Syntax index, int pos) implements Syntax {}

    record ArrayOf(List<Syntax> elements, int pos) implements Syntax {}
}
