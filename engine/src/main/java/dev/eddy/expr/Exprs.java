package dev.eddy.expr;

import dev.eddy.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Walking and printing typed trees. */
public final class Exprs {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "LIKE", "IN", "BETWEEN", "IS",
            "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "ARRAY", "TIMESTAMP");

    private Exprs() {}

    public static List<Expr> children(Expr e) {
        List<Expr> c = new ArrayList<>();
        if (e instanceof Expr.Unary u) c.add(u.operand());
        else if (e instanceof Expr.Binary b) { c.add(b.left()); c.add(b.right()); }
        else if (e instanceof Expr.Like l) { c.add(l.value()); c.add(l.pattern()); }
        else if (e instanceof Expr.In in) { c.add(in.value()); c.addAll(in.list()); }
        else if (e instanceof Expr.Between b) { c.add(b.value()); c.add(b.low()); c.add(b.high()); }
        else if (e instanceof Expr.Is is) c.add(is.value());
        else if (e instanceof Expr.Case k) {
            if (k.operand() != null) c.add(k.operand());
            for (Expr.When w : k.whens()) { c.add(w.condition()); c.add(w.result()); }
            if (k.otherwise() != null) c.add(k.otherwise());
        }
        else if (e instanceof Expr.Cast k) c.add(k.operand());
        else if (e instanceof Expr.Call k) c.addAll(k.args());
        else if (e instanceof Expr.Index ix) { c.add(ix.array()); c.add(ix.index()); }
        else if (e instanceof Expr.ArrayOf a) c.addAll(a.elements());
        return c;
    }

    /** Field names in order of first use. */
    static Set<String> fieldsUsed(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out);
        return Collections.unmodifiableSet(out);
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.FieldRef f) out.add(f.name());
        for (Expr c : children(e)) collect(c, out);
    }

    /** Canonical source text: implicit conversions are invisible, parentheses appear only where precedence needs them. */
    /**
     * Whether computing e can throw for some record: a BIGINT division, a cast from text, a pattern, a
     * call that checks. Where a branch may fail, an export must keep Eddy's lazy evaluation of it.
     */
    public static boolean mayFail(Expr e) {
        if (e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.DIVIDE || b.op() == Expr.BinaryOp.MODULO)
                && b.type().kind() == DataType.Kind.BIGINT) return true;
        if (e instanceof Expr.Cast c && c.kind() != Expr.CastKind.TRY && c.operand().type().kind() == DataType.Kind.STRING
                && c.type().kind() != DataType.Kind.STRING) return true;
        if (e instanceof Expr.Like l && !(l.pattern() instanceof Expr.Literal)) return true;
        if (e instanceof Expr.Call c && (c.function().startsWith("REGEXP") || c.function().equals("MOD")
                || c.function().equals("TIMESTAMP_ADD") || c.function().equals("TO_TIMESTAMP"))) return true;
        for (Expr child : children(e)) if (mayFail(child)) return true;
        return false;
    }

    public static String print(Expr e) {
        if (e instanceof Expr.Literal l) return Values.literal(l.value());
        if (e instanceof Expr.FieldRef f) return name(f.name());
        if (e instanceof Expr.Unary u) {
            if (u.op() == Expr.UnaryOp.NOT) return "NOT " + operand(u.operand(), 3);
            String inner = operand(u.operand(), 8);
            return inner.startsWith("-") ? "- " + inner : "-" + inner;
        }
        if (e instanceof Expr.Binary b) {
            int level = level(b);
            return operand(b.left(), level) + " " + b.op().symbol() + " " + operand(b.right(), level + 1);
        }
        if (e instanceof Expr.Like l) {
            return operand(l.value(), 5) + (l.negated() ? " NOT LIKE " : " LIKE ") + operand(l.pattern(), 5)
                    + (l.escape() == null ? "" : " ESCAPE " + Values.literal(l.escape()));
        }
        if (e instanceof Expr.In in) return operand(in.value(), 5) + (in.negated() ? " NOT IN (" : " IN (") + list(in.list()) + ")";
        if (e instanceof Expr.Between b) {
            return operand(b.value(), 5) + (b.negated() ? " NOT BETWEEN " : " BETWEEN ") + operand(b.low(), 5)
                    + " AND " + operand(b.high(), 5);
        }
        if (e instanceof Expr.Is is) return operand(is.value(), 5) + (is.negated() ? " IS NOT " : " IS ") + is.test();
        if (e instanceof Expr.Case k) {
            StringBuilder b = new StringBuilder("CASE");
            if (k.operand() != null) b.append(' ').append(print(k.operand()));
            for (Expr.When w : k.whens()) b.append(" WHEN ").append(print(w.condition())).append(" THEN ").append(print(w.result()));
            if (k.otherwise() != null) b.append(" ELSE ").append(print(k.otherwise()));
            return b.append(" END").toString();
        }
        if (e instanceof Expr.Cast k) {
            if (k.kind() == Expr.CastKind.IMPLICIT) return print(k.operand());
            return (k.kind() == Expr.CastKind.TRY ? "TRY_CAST(" : "CAST(") + print(k.operand()) + " AS " + k.type() + ")";
        }
        if (e instanceof Expr.Call k) return k.function() + "(" + list(k.args()) + ")";
        if (e instanceof Expr.Index ix) return operand(ix.array(), 9) + "[" + print(ix.index()) + "]";
        if (e instanceof Expr.ArrayOf a) return "ARRAY[" + list(a.elements()) + "]";
        throw new IllegalStateException("unhandled " + e);
    }

    private static String operand(Expr e, int minLevel) {
        String s = print(e);
        return level(e) < minLevel ? "(" + s + ")" : s;
    }

    /** Binding strength, as in the parser: OR 1, AND 2, NOT 3, predicates 4, || 5, + - 6, * / % 7, unary - 8. */
    private static int level(Expr e) {
        if (e instanceof Expr.Cast k && k.kind() == Expr.CastKind.IMPLICIT) return level(k.operand());
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case OR: return 1;
                case AND: return 2;
                case CONCAT: return 5;
                case ADD: case SUBTRACT: return 6;
                case MULTIPLY: case DIVIDE: case MODULO: return 7;
                default: return 4;
            }
        }
        if (e instanceof Expr.Unary u) return u.op() == Expr.UnaryOp.NOT ? 3 : 8;
        if (e instanceof Expr.Like || e instanceof Expr.In || e instanceof Expr.Between || e instanceof Expr.Is) return 4;
        if (e instanceof Expr.Literal l && l.value() instanceof Number n && n.doubleValue() < 0) return 8;
        return 9;
    }

    private static String list(List<Expr> items) {
        return items.stream().map(Exprs::print).collect(Collectors.joining(", "));
    }

    private static String name(String n) {
        if (PLAIN_NAME.matcher(n).matches() && !KEYWORDS.contains(n.toUpperCase(Locale.ROOT))) return n;
        return "`" + n.replace("`", "``") + "`";
    }
}
