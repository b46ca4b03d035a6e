package dev.eddy.flink.sql;

import dev.eddy.expr.Expr;
import dev.eddy.expr.Exprs;
import dev.eddy.types.DataType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An expression's typed tree as Flink SQL text, where Flink SQL computes the same value as Eddy.
 * Eddy's expression language is SQL already, so most of it reads the same; what differs is
 * spelled out (a DOUBLE literal is {@code 1.5E0}, since {@code 1.5} is a DECIMAL in Flink; a
 * function whose Flink twin returns INT is cast to BIGINT), and what Flink SQL computes
 * differently is refused with the reason rather than written wrongly. SqlExpressionsTest runs
 * every translation on Flink's planner against Eddy's evaluator.
 */
final class SqlExpressions {
    /**
     * Eddy's function name to its Flink SQL twin's. Most take the same arguments and give the same
     * result; {@link #call} spells out those that need more (INT arguments, NaN, SPLIT of '').
     */
    private static final Map<String, String> SAME = Map.ofEntries(
            Map.entry("UPPER", "UPPER"), Map.entry("LOWER", "LOWER"), Map.entry("REPLACE", "REPLACE"),
            Map.entry("CONCAT", "CONCAT"), Map.entry("STARTS_WITH", "STARTSWITH"), Map.entry("ENDS_WITH", "ENDSWITH"),
            Map.entry("REGEXP_REPLACE", "REGEXP_REPLACE"), Map.entry("ABS", "ABS"), Map.entry("CEIL", "CEIL"),
            Map.entry("FLOOR", "FLOOR"), Map.entry("SQRT", "SQRT"), Map.entry("POWER", "POWER"), Map.entry("EXP", "EXP"),
            Map.entry("LN", "LN"), Map.entry("LOG10", "LOG10"), Map.entry("NULLIF", "NULLIF"), Map.entry("IF", "IF"),
            Map.entry("COALESCE", "COALESCE"), Map.entry("IFNULL", "IFNULL"), Map.entry("MOD", "MOD"),
            Map.entry("ARRAY_CONTAINS", "ARRAY_CONTAINS"), Map.entry("LENGTH", "CHAR_LENGTH"), Map.entry("POSITION", "POSITION"),
            Map.entry("CARDINALITY", "CARDINALITY"), Map.entry("SIGN", "SIGN"), Map.entry("PI", "PI"),
            Map.entry("TRIM", "TRIM"), Map.entry("LTRIM", "LTRIM"), Map.entry("RTRIM", "RTRIM"),
            Map.entry("SUBSTRING", "SUBSTRING"), Map.entry("GREATEST", "GREATEST"), Map.entry("LEAST", "LEAST"),
            Map.entry("REGEXP", "REGEXP"), Map.entry("REGEXP_EXTRACT", "REGEXP_EXTRACT"), Map.entry("ROUND", "ROUND"),
            Map.entry("SPLIT", "SPLIT"), Map.entry("CONCAT_WS", "CONCAT_WS"), Map.entry("REVERSE", "REVERSE"),
            Map.entry("ARRAY_JOIN", "ARRAY_JOIN"), Map.entry("ARRAY_APPEND", "ARRAY_APPEND"), Map.entry("ARRAY_SLICE", "ARRAY_SLICE"),
            Map.entry("ARRAY_SORT", "ARRAY_SORT"), Map.entry("TIMESTAMP_ADD", "TIMESTAMP_ADD"), Map.entry("ELEMENT_AT", "ELEMENT_AT"), Map.entry("TO_TIMESTAMP", "TO_TIMESTAMP_LTZ"));

    /** Functions Flink SQL has, but computing something else than Eddy's: the difference, as the refusal says it. */
    private static final Map<String, String> DIFFERENT = Map.ofEntries(
            Map.entry("REGEXP_SPLIT", "Flink SQL has no REGEXP_SPLIT (SPLIT takes a plain delimiter)"),
            Map.entry("EPOCH_MILLIS", "no built-in function of Flink SQL gives a TIMESTAMP_LTZ's epoch milliseconds (UNIX_TIMESTAMP gives seconds)"));

    /** Flink's twin returns INT where Eddy's returns BIGINT: the result is cast. */
    private static final Set<String> INT_RESULTS = Set.of("LENGTH", "POSITION", "CARDINALITY");

    private final Function<Expr.FieldRef, String> field;

    /** {@code field} names the column a field reference reads, e.g. {@code `amount`}. */
    SqlExpressions(Function<Expr.FieldRef, String> field) {
        this.field = field;
    }

    /** The SQL type holding a value of an Eddy type; Eddy's TIMESTAMP is an instant, Flink's TIMESTAMP_LTZ(3). */
    static String sqlType(DataType t) {
        return switch (t.kind()) {
            case STRING, NULL -> "STRING";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP_LTZ(3)";
            case ARRAY -> "ARRAY<" + sqlType(t.element()) + ">";
        };
    }

    /** A name as a Flink SQL identifier: always quoted, so that names like {@code count} or {@code at} need no thought. */
    static String quote(String name) { return "`" + name.replace("`", "``") + "`"; }

    static String string(String s) { return "'" + s.replace("'", "''") + "'"; }

    String of(Expr e) {
        if (e instanceof Expr.Literal l) return literal(l.value(), l.type());
        if (e instanceof Expr.FieldRef f) return field.apply(f);
        if (e instanceof Expr.Unary u) return (u.op() == Expr.UnaryOp.NOT ? "NOT " : "-") + operand(u.operand());
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Like l) {
            return operand(l.value()) + (l.negated() ? " NOT LIKE " : " LIKE ") + operand(l.pattern())
                    + (l.escape() == null ? "" : " ESCAPE " + string(l.escape()));
        }
        if (e instanceof Expr.In in) {
            List<String> list = new ArrayList<>();
            for (Expr x : in.list()) list.add(of(x));
            return operand(in.value()) + (in.negated() ? " NOT IN (" : " IN (") + String.join(", ", list) + ")";
        }
        if (e instanceof Expr.Between b) {
            return operand(b.value()) + (b.negated() ? " NOT BETWEEN " : " BETWEEN ") + operand(b.low()) + " AND " + operand(b.high());
        }
        if (e instanceof Expr.Is is) {
            return operand(is.value()) + " IS " + (is.negated() ? "NOT " : "") + is.test().name();
        }
        if (e instanceof Expr.Case c) return caseOf(c);
        if (e instanceof Expr.Cast c) return cast(c);
        if (e instanceof Expr.Call c) return call(c);
        if (e instanceof Expr.Index ix) return element(ix.array(), ix.index());
        if (e instanceof Expr.ArrayOf a) {
            if (a.elements().isEmpty()) throw new NotSql("an empty ARRAY[] has no element type in Flink SQL");
            List<String> items = new ArrayList<>();
            for (Expr x : a.elements()) items.add(of(x));
            return "ARRAY[" + String.join(", ", items) + "]";
        }
        throw new NotSql("the expression `" + Exprs.print(e) + "` has no Flink SQL translation");
    }

    /** An operand of an operator, in parentheses unless it is a single term. */
    private String operand(Expr e) {
        String s = of(e);
        boolean term = e instanceof Expr.Literal || e instanceof Expr.FieldRef || e instanceof Expr.Call
                || e instanceof Expr.Cast || e instanceof Expr.Case || e instanceof Expr.ArrayOf;
        return term ? s : "(" + s + ")";
    }

    static String literal(Object v, DataType t) {
        if (v == null) return "CAST(NULL AS " + sqlType(t) + ")";
        if (v instanceof String s) return string(s);
        if (v instanceof Long l) {
            // A bare number is an INT in Flink SQL; BIGINT arithmetic must not start from one.
            return "CAST(" + l + " AS BIGINT)";
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) return "CAST('" + d + "' AS DOUBLE)";
            String text = Double.toString(d);
            return text.contains("E") ? text : text + "E0";
        }
        if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
        if (v instanceof Instant i) return "TO_TIMESTAMP_LTZ(" + i.toEpochMilli() + ", 3)";
        if (v instanceof List<?> list) {
            if (list.isEmpty()) throw new NotSql("an empty array has no element type in Flink SQL");
            List<String> items = new ArrayList<>();
            for (Object o : list) items.add(literal(o, t.element()));
            return "ARRAY[" + String.join(", ", items) + "]";
        }
        throw new NotSql("a literal of type " + t + " has no Flink SQL translation");
    }

    private String binary(Expr.Binary b) {
        if (b.op() == Expr.BinaryOp.MODULO) return mod(b.left(), b.right(), b.type());
        if (b.op().isComparison()) return compared(b.left()) + " " + b.op().symbol() + " " + compared(b.right());
        return operand(b.left()) + " " + b.op().symbol() + " " + operand(b.right());
    }

    /** A side of a comparison: a whole number as it is written, since comparing cannot overflow as arithmetic can. */
    private String compared(Expr e) {
        if (e instanceof Expr.Literal l && l.value() instanceof Long n && n == n.intValue()) return String.valueOf(n);
        return operand(e);
    }

    /** {@code array[i]}: NULL past either end in both. */
    private String element(Expr array, Expr index) {
        String a = array instanceof Expr.FieldRef || array instanceof Expr.Call ? of(array) : "(" + of(array) + ")";
        return a + "[" + integer(index, "an array index") + "]";
    }

    private String mod(Expr left, Expr right, DataType type) {
        if (type.kind() != DataType.Kind.BIGINT) throw new NotSql("Flink SQL's MOD takes whole numbers only, not " + type);
        return "MOD(" + of(left) + ", " + of(right) + ")";
    }

    private String caseOf(Expr.Case c) {
        StringBuilder s = new StringBuilder("CASE");
        if (c.operand() != null) s.append(' ').append(of(c.operand()));
        for (Expr.When w : c.whens()) s.append(" WHEN ").append(of(w.condition())).append(" THEN ").append(of(w.result()));
        if (c.otherwise() != null) s.append(" ELSE ").append(of(c.otherwise()));
        return s.append(" END").toString();
    }

    private String cast(Expr.Cast c) {
        DataType from = c.operand().type();
        DataType to = c.type();
        if (from.equals(to)) return of(c.operand());
        if (from.kind() == DataType.Kind.NULL) return "CAST(NULL AS " + sqlType(to) + ")";
        if (c.kind() == Expr.CastKind.IMPLICIT && to.kind() == DataType.Kind.DOUBLE) return of(c.operand());
        if (from.kind() == DataType.Kind.TIMESTAMP || to.kind() == DataType.Kind.TIMESTAMP) {
            throw new NotSql("CAST between TIMESTAMP and " + (from.kind() == DataType.Kind.TIMESTAMP ? to : from)
                    + " writes and reads ISO instants in Eddy, the session time zone's local time in Flink SQL");
        }
        if (from.kind() == DataType.Kind.STRING && to.kind() == DataType.Kind.BIGINT) {
            throw new NotSql("CAST of a STRING to BIGINT reads '1.5' as 1 in Flink SQL, where Eddy refuses it");
        }
        return (c.kind() == Expr.CastKind.TRY ? "TRY_CAST(" : "CAST(") + of(c.operand()) + " AS " + sqlType(to) + ")";
    }

    private String call(Expr.Call c) {
        String why = DIFFERENT.get(c.function());
        if (why != null) throw new NotSql("`" + Exprs.print(c) + "`: " + why);
        String name = SAME.get(c.function());
        if (name == null) throw new NotSql("the function " + c.function() + " has no Flink SQL translation");
        List<String> args = new ArrayList<>();
        for (Expr a : c.args()) args.add(of(a));
        if ((c.function().equals("COALESCE") || c.function().equals("IFNULL")) && c.args().stream().skip(1).anyMatch(Exprs::mayFail)) {
            throw new NotSql("`" + Exprs.print(c) + "`: Flink SQL computes every argument of " + c.function()
                    + ", so one that fails fails the record even where Eddy never reaches it");
        }
        String sql = switch (c.function()) {
            case "PI" -> "PI()";
            case "ELEMENT_AT" -> element(c.args().get(0), c.args().get(1));
            case "TIMESTAMP_ADD" -> {
                if (!(c.args().get(1) instanceof Expr.Literal l) || !(l.value() instanceof Long ms)) {
                    throw new NotSql("TIMESTAMP_ADD of a computed number of milliseconds: Flink SQL adds only literal intervals");
                }
                yield args.get(0) + " + INTERVAL '" + java.math.BigDecimal.valueOf(ms, 3).toPlainString() + "' SECOND(3)";
            }
            case "MOD" -> mod(c.args().get(0), c.args().get(1), c.type());
            case "SPLIT" -> {
                if (!(c.args().get(1) instanceof Expr.Literal l) || !(l.value() instanceof String d) || d.isEmpty()) {
                    throw new NotSql("SPLIT by an empty or computed delimiter: Flink SQL splits into UTF-16 units, Eddy into characters");
                }
                // Eddy splits '' into one empty part, Flink SQL into none.
                yield "CASE WHEN " + args.get(0) + " = '' THEN ARRAY[''] ELSE SPLIT(" + args.get(0) + ", " + args.get(1) + ") END";
            }
            case "ARRAY_SORT" -> {
                if (c.args().get(0).type().element().kind() == DataType.Kind.DOUBLE) {
                    throw new NotSql("ARRAY_SORT of DOUBLEs: Flink SQL places NaN among the numbers, Eddy after them");
                }
                yield "ARRAY_SORT(" + String.join(", ", args) + ")";
            }
            case "ROUND" -> {
                String round = "ROUND(" + args.get(0) + (args.size() > 1 ? ", " + integer(c.args().get(1), "ROUND's digits") : "") + ")";
                if (c.type().kind() != DataType.Kind.DOUBLE) yield round;
                // Flink's ROUND fails on NaN and the infinities, which Eddy's returns as they are.
                String x = args.get(0);
                yield "IF(" + x + " <> " + x + " OR ABS(" + x + ") = CAST('Infinity' AS DOUBLE), " + x + ", " + round + ")";
            }
            case "SUBSTRING", "REGEXP_EXTRACT", "ARRAY_SLICE" -> {
                List<String> ints = new ArrayList<>(List.of(args.get(0)));
                for (int i = 1; i < args.size(); i++) {
                    ints.add(c.args().get(i).type().kind() == DataType.Kind.BIGINT ? integer(c.args().get(i), c.function() + "'s positions") : args.get(i));
                }
                yield name + "(" + String.join(", ", ints) + ")";
            }
            case "POSITION" -> "POSITION(" + args.get(0) + " IN " + args.get(1) + ")";
            case "TO_TIMESTAMP" -> {
                if (args.size() > 1) throw new NotSql("TO_TIMESTAMP with a format: Flink SQL's patterns are not Eddy's");
                yield "TO_TIMESTAMP_LTZ(" + args.get(0) + ", 3)";
            }
            default -> name + "(" + String.join(", ", args) + ")";
        };
        return INT_RESULTS.contains(c.function()) ? "CAST(" + sql + " AS BIGINT)" : sql;
    }

    /** An INT argument: Flink takes positions and counts as INTs, so only a literal in range says the same as Eddy's BIGINT. */
    private static String integer(Expr e, String what) {
        if (e instanceof Expr.Literal l && l.value() instanceof Long n && n == n.intValue()) return String.valueOf(n);
        throw new NotSql(what + " must be whole-number literals: Flink SQL takes them as INT, where a BIGINT could hold more");
    }

    /** Thrown for what the SQL export cannot write, with the reason. */
    static final class NotSql extends RuntimeException {
        NotSql(String why) { super(why); }
    }
}
