package dev.eddy.expr;

import dev.eddy.expr.Expr.BinaryOp;
import dev.eddy.types.DataType;
import dev.eddy.types.DataType.Kind;
import dev.eddy.types.Schema;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

/** Resolves names against the input schema and gives every node a type, inserting implicit conversions. */
final class TypeChecker {
    private static final int LISTED_FIELDS = 30;

    /**
     * Deepest tree accepted. Checking, compiling and evaluating all recurse once per level, so this
     * bounds their stack use: 500 levels fit in a 512 KB stack, half of Java's default thread
     * stack. Long operator chains are the usual way to get here.
     */
    static final int MAX_DEPTH = 500;

    private final Schema schema;
    private int depth = -1;

    TypeChecker(Schema schema) { this.schema = schema; }

    Expr check(Syntax s) throws ExpressionError {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionError(s.pos() + 1, "the expression is more than " + MAX_DEPTH + " operations deep; "
                    + "split it into several steps, or use IN (...) instead of a long chain of OR");
        }
        try {
            return checkNode(s);
        } finally {
            depth--;
        }
    }

    private Expr checkNode(Syntax s) throws ExpressionError {
        int col = s.pos() + 1;
        if (s instanceof Syntax.Lit l) return new Expr.Literal(l.value(), l.type(), col);
        if (s instanceof Syntax.Ident i) return field(i.name(), col);
        if (s instanceof Syntax.Unary u) return unary(u, col);
        if (s instanceof Syntax.Binary b) return binary(b, col);
        if (s instanceof Syntax.Like l) return like(l, col);
        if (s instanceof Syntax.In in) return in(in, col);
        if (s instanceof Syntax.Between b) return between(b, col);
        if (s instanceof Syntax.Is is) return is(is, col);
        if (s instanceof Syntax.Case c) return caseExpr(c, col);
        if (s instanceof Syntax.Cast c) return cast(c, col);
        if (s instanceof Syntax.Call c) return call(c, col);
        if (s instanceof Syntax.Index ix) return index(ix, col);
        if (s instanceof Syntax.ArrayOf a) return arrayOf(a, col);
        throw new IllegalStateException("unhandled syntax " + s);
    }

    private Expr field(String name, int col) throws ExpressionError {
        int index = schema.indexOf(name);
        if (index >= 0) return new Expr.FieldRef(name, index, schema.field(index).type(), col);
        List<String> names = new ArrayList<>(schema.names());
        if (names.isEmpty()) throw new ExpressionError(col, "unknown field \"" + name + "\"; the input has no fields");
        String close = Suggest.closest(name, names);
        names.sort(null);
        String listed = String.join(", ", names.subList(0, Math.min(LISTED_FIELDS, names.size())))
                + (names.size() > LISTED_FIELDS ? ", ... (" + names.size() + " in all)" : "");
        String hint = close == null ? "." : "; did you mean \"" + close + "\"?";
        throw new ExpressionError(col, "unknown field \"" + name + "\"" + hint + " Fields: " + listed);
    }

    private Expr unary(Syntax.Unary u, int col) throws ExpressionError {
        Expr operand = check(u.operand());
        DataType t = operand.type();
        if (u.op() == Expr.UnaryOp.NOT) {
            if (!Types.assignable(t, DataType.BOOLEAN)) throw new ExpressionError(col, "NOT needs a BOOLEAN but the operand is " + t);
            return new Expr.Unary(u.op(), Types.coerce(operand, DataType.BOOLEAN), DataType.BOOLEAN, col);
        }
        if (!t.isNumeric() && !Types.isNull(t)) throw new ExpressionError(col, "unary - needs a number but the operand is " + t);
        DataType result = Types.isNull(t) ? DataType.BIGINT : t;
        return new Expr.Unary(u.op(), Types.coerce(operand, result), result, col);
    }

    private Expr binary(Syntax.Binary b, int col) throws ExpressionError {
        Expr l = check(b.left());
        Expr r = check(b.right());
        BinaryOp op = b.op();
        if (op == BinaryOp.AND || op == BinaryOp.OR || op == BinaryOp.CONCAT) {
            DataType want = op == BinaryOp.CONCAT ? DataType.STRING : DataType.BOOLEAN;
            String hint = op == BinaryOp.CONCAT ? "; use CAST(x AS STRING) to join other values" : "";
            require(l, want, col, op.symbol() + " needs " + want + " operands but the left side is ", hint);
            require(r, want, col, op.symbol() + " needs " + want + " operands but the right side is ", hint);
            return new Expr.Binary(op, Types.coerce(l, want), Types.coerce(r, want), want, col);
        }
        if (op.isArithmetic()) {
            numeric(op, l, "left", col);
            numeric(op, r, "right", col);
            DataType t = l.type().kind() == Kind.DOUBLE || r.type().kind() == Kind.DOUBLE ? DataType.DOUBLE : DataType.BIGINT;
            return new Expr.Binary(op, Types.coerce(l, t), Types.coerce(r, t), t, col);
        }
        List<Expr> both = comparable(List.of(l, r), col);
        if (both.get(0).type().kind() == Kind.ARRAY && op != BinaryOp.EQ && op != BinaryOp.NE) {
            throw new ExpressionError(col, "arrays can only be compared with = and <>, not " + op.symbol());
        }
        return new Expr.Binary(op, both.get(0), both.get(1), DataType.BOOLEAN, col);
    }

    private static void numeric(BinaryOp op, Expr e, String side, int col) throws ExpressionError {
        DataType t = e.type();
        if (t.isNumeric() || Types.isNull(t)) return;
        String hint = t.kind() == Kind.STRING && op == BinaryOp.ADD ? "; use || to join strings"
                : t.kind() == Kind.TIMESTAMP ? "; use TIMESTAMP_ADD(ts, millis) or EPOCH_MILLIS(ts) for time arithmetic" : "";
        throw new ExpressionError(col, op.symbol() + " needs numbers but the " + side + " side is " + t + hint);
    }

    private static void require(Expr e, DataType want, int col, String message, String hint) throws ExpressionError {
        if (!Types.assignable(e.type(), want)) throw new ExpressionError(col, message + e.type() + hint);
    }

    /**
     * Brings values that are compared with each other to one type. A string literal next to a
     * TIMESTAMP is read as a timestamp, so {@code ts > '2024-01-01 00:00:00'} works as in SQL.
     */
    private List<Expr> comparable(List<Expr> items, int col) throws ExpressionError {
        boolean timestamps = items.stream().anyMatch(e -> e.type().kind() == Kind.TIMESTAMP);
        List<Expr> out = new ArrayList<>();
        DataType common = DataType.NULL;
        for (Expr e : items) {
            if (timestamps && e instanceof Expr.Literal lit && lit.value() instanceof String s) {
                try {
                    e = new Expr.Literal(Timestamps.parse(s), DataType.TIMESTAMP, lit.column());
                } catch (DateTimeException bad) {
                    throw new ExpressionError(lit.column(), Values.quote(s) + " is compared with a TIMESTAMP but is not "
                            + "a timestamp; write 'yyyy-MM-dd HH:mm:ss[.SSS]' (UTC) or ISO-8601");
                }
            }
            DataType u = Types.unify(common, e.type());
            if (u == null) {
                throw new ExpressionError(col, "cannot compare " + common + " with " + e.type()
                        + "; CAST one side to the type of the other");
            }
            common = u;
            out.add(e);
        }
        for (int i = 0; i < out.size(); i++) out.set(i, Types.coerce(out.get(i), common));
        return out;
    }

    private Expr like(Syntax.Like l, int col) throws ExpressionError {
        Expr v = check(l.value());
        Expr pattern = check(l.pattern());
        require(v, DataType.STRING, col, "LIKE needs a STRING on the left but found ", "");
        require(pattern, DataType.STRING, col, "LIKE needs a STRING pattern but found ", "");
        String escape = null;
        if (l.escape() != null) {
            Expr e = check(l.escape());
            if (!(e instanceof Expr.Literal lit) || !(lit.value() instanceof String s)) {
                throw new ExpressionError(e.column(), "ESCAPE needs a string literal such as '!'");
            }
            if (s.codePointCount(0, s.length()) != 1) {
                throw new ExpressionError(e.column(), "ESCAPE must be a single character but is " + Values.quote(s));
            }
            escape = s;
        }
        return new Expr.Like(Types.coerce(v, DataType.STRING), Types.coerce(pattern, DataType.STRING), escape, l.negated(), col);
    }

    private Expr in(Syntax.In in, int col) throws ExpressionError {
        List<Expr> items = new ArrayList<>();
        items.add(check(in.value()));
        for (Syntax s : in.list()) items.add(check(s));
        List<Expr> c = comparable(items, col);
        return new Expr.In(c.get(0), c.subList(1, c.size()), in.negated(), col);
    }

    private Expr between(Syntax.Between b, int col) throws ExpressionError {
        List<Expr> c = comparable(List.of(check(b.value()), check(b.low()), check(b.high())), col);
        if (c.get(0).type().kind() == Kind.ARRAY) throw new ExpressionError(col, "BETWEEN cannot order ARRAY values");
        return new Expr.Between(c.get(0), c.get(1), c.get(2), b.negated(), col);
    }

    private Expr is(Syntax.Is is, int col) throws ExpressionError {
        Expr v = check(is.value());
        if (is.test() == Expr.Test.NULL) return new Expr.Is(v, is.test(), is.negated(), col);
        require(v, DataType.BOOLEAN, col, "IS " + is.test() + " needs a BOOLEAN but the value is ", "");
        return new Expr.Is(Types.coerce(v, DataType.BOOLEAN), is.test(), is.negated(), col);
    }

    private Expr caseExpr(Syntax.Case c, int col) throws ExpressionError {
        Expr operand = null;
        List<Expr> conditions = new ArrayList<>();
        if (c.operand() != null) {
            List<Expr> items = new ArrayList<>();
            items.add(check(c.operand()));
            for (Syntax w : c.whens()) items.add(check(w));
            List<Expr> cmp = comparable(items, col);
            operand = cmp.get(0);
            conditions.addAll(cmp.subList(1, cmp.size()));
        } else {
            for (Syntax w : c.whens()) {
                Expr e = check(w);
                require(e, DataType.BOOLEAN, e.column(), "WHEN needs a BOOLEAN condition but found ", "");
                conditions.add(Types.coerce(e, DataType.BOOLEAN));
            }
        }
        List<Expr> results = new ArrayList<>();
        for (Syntax t : c.thens()) results.add(check(t));
        Expr otherwise = c.otherwise() == null ? null : check(c.otherwise());
        List<Expr> branches = new ArrayList<>(results);
        if (otherwise != null) branches.add(otherwise);
        DataType type = unifyAll(branches, "CASE branches");
        List<Expr.When> whens = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) whens.add(new Expr.When(conditions.get(i), Types.coerce(results.get(i), type)));
        return new Expr.Case(operand, whens, otherwise == null ? null : Types.coerce(otherwise, type), type, col);
    }

    private static DataType unifyAll(List<Expr> items, String what) throws ExpressionError {
        DataType type = DataType.NULL;
        for (Expr e : items) {
            DataType u = Types.unify(type, e.type());
            if (u == null) {
                throw new ExpressionError(e.column(), what + " must have one type, but this one is " + e.type()
                        + " and an earlier one is " + type);
            }
            type = u;
        }
        return type;
    }

    private Expr cast(Syntax.Cast c, int col) throws ExpressionError {
        Expr operand = check(c.operand());
        if (!Casts.allowed(operand.type(), c.type())) {
            throw new ExpressionError(col, "cannot CAST " + operand.type() + " to " + c.type() + Casts.hint(operand.type(), c.type()));
        }
        return new Expr.Cast(operand, c.type(), c.orNull() ? Expr.CastKind.TRY : Expr.CastKind.EXPLICIT, col);
    }

    private Expr call(Syntax.Call c, int col) throws ExpressionError {
        FunctionDef fn = FunctionRegistry.lookup(c.name());
        if (fn == null) throw new ExpressionError(col, FunctionRegistry.unknown(c.name()));
        List<Expr> args = new ArrayList<>();
        for (Syntax a : c.args()) args.add(check(a));
        return fn.signature().resolve(c.name(), fn.name(), args, col);
    }

    private Expr index(Syntax.Index ix, int col) throws ExpressionError {
        Expr array = check(ix.array());
        Expr index = check(ix.index());
        if (array.type().kind() != Kind.ARRAY) throw new ExpressionError(col, "[ ] needs an ARRAY on the left but found " + array.type());
        require(index, DataType.BIGINT, index.column(), "an array index must be BIGINT but is ", "");
        return new Expr.Index(array, Types.coerce(index, DataType.BIGINT), array.type().element(), col);
    }

    private Expr arrayOf(Syntax.ArrayOf a, int col) throws ExpressionError {
        List<Expr> elements = new ArrayList<>();
        for (Syntax s : a.elements()) elements.add(check(s));
        DataType type = unifyAll(elements, "ARRAY elements");
        elements.replaceAll(e -> Types.coerce(e, type));
        return new Expr.ArrayOf(elements, DataType.arrayOf(type), col);
    }
}
