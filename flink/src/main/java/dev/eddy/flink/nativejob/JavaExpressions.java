package dev.eddy.flink.nativejob;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.eddy.expr.Expr;
import dev.eddy.types.DataType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An expression's typed tree as plain Java over the fields of a record, with SQL's rules kept by
 * the generated {@code Sql} helper where Java's differ (NULLs, three-valued logic, code points).
 * Branches that Eddy evaluates lazily (CASE, IF, the right side of AND and OR when it can fail)
 * stay lazy here, so a division guarded by a condition never runs when the condition says no.
 */
final class JavaExpressions {
    /** Functions with a method of the same meaning in {@code Sql}: Eddy's name to the method's. */
    private static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry("UPPER", "upper"), Map.entry("LOWER", "lower"), Map.entry("TRIM", "trim"), Map.entry("LTRIM", "ltrim"),
            Map.entry("RTRIM", "rtrim"), Map.entry("LENGTH", "length"), Map.entry("SUBSTRING", "substring"),
            Map.entry("REPLACE", "replace"), Map.entry("CONCAT", "concat"), Map.entry("CONCAT_WS", "concatWs"),
            Map.entry("POSITION", "position"), Map.entry("STARTS_WITH", "startsWith"), Map.entry("ENDS_WITH", "endsWith"),
            Map.entry("REVERSE", "reverse"), Map.entry("REGEXP", "regexp"), Map.entry("REGEXP_EXTRACT", "regexpExtract"),
            Map.entry("REGEXP_REPLACE", "regexpReplace"), Map.entry("REGEXP_SPLIT", "regexpSplit"), Map.entry("SPLIT", "split"),
            Map.entry("ABS", "abs"), Map.entry("CEIL", "ceil"), Map.entry("FLOOR", "floor"), Map.entry("SIGN", "sign"),
            Map.entry("ROUND", "round"), Map.entry("SQRT", "sqrt"), Map.entry("POWER", "power"),
            Map.entry("EXP", "exp"), Map.entry("LN", "ln"), Map.entry("LOG10", "log10"), Map.entry("GREATEST", "greatest"),
            Map.entry("LEAST", "least"), Map.entry("NULLIF", "nullIf"), Map.entry("EPOCH_MILLIS", "epochMillis"),
            Map.entry("TIMESTAMP_ADD", "timestampAdd"), Map.entry("CARDINALITY", "cardinality"), Map.entry("ELEMENT_AT", "elementAt"),
            Map.entry("ARRAY_CONTAINS", "arrayContains"), Map.entry("ARRAY_JOIN", "arrayJoin"), Map.entry("ARRAY_APPEND", "arrayAppend"),
            Map.entry("ARRAY_SLICE", "arraySlice"), Map.entry("ARRAY_SORT", "arraySort"));

    private final ClassName sql;
    private final ClassName functions;
    private final Function<Expr.FieldRef, CodeBlock> field;

    /** {@code field} reads one field of the record in scope, e.g. {@code r.amount()}. */
    JavaExpressions(ClassName sql, Function<Expr.FieldRef, CodeBlock> field) {
        this.sql = sql;
        this.functions = sql.peerClass("SqlFunctions");
        this.field = field;
    }

    /** The Java type holding a value of an Eddy type (boxed: every field may be NULL). */
    static TypeName javaType(DataType t) {
        return switch (t.kind()) {
            case STRING -> ClassName.get(String.class);
            case BIGINT -> ClassName.get(Long.class);
            case DOUBLE -> ClassName.get(Double.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case TIMESTAMP -> ClassName.get(Instant.class);
            case ARRAY -> ParameterizedTypeName.get(ClassName.get(List.class), javaType(t.element()));
            case NULL -> ClassName.get(String.class);
        };
    }

    CodeBlock of(Expr e) {
        if (e instanceof Expr.Literal l) return literal(l.value(), l.type());
        if (e instanceof Expr.FieldRef f) return field.apply(f);
        if (e instanceof Expr.Unary u) {
            return call(u.op() == Expr.UnaryOp.NOT ? "not" : "negate", of(u.operand()));
        }
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Like l) {
            CodeBlock like = call("like", of(l.value()), of(l.pattern()), l.escape() == null ? CodeBlock.of("null") : CodeBlock.of("$S", l.escape()));
            return l.negated() ? call("not", like) : like;
        }
        if (e instanceof Expr.In in) {
            List<CodeBlock> args = new ArrayList<>();
            args.add(of(in.value()));
            for (Expr x : in.list()) args.add(of(x));
            CodeBlock test = call("in", args.toArray(new CodeBlock[0]));
            return in.negated() ? call("not", test) : test;
        }
        if (e instanceof Expr.Between b) {
            CodeBlock test = call("between", of(b.value()), of(b.low()), of(b.high()));
            return b.negated() ? call("not", test) : test;
        }
        if (e instanceof Expr.Is is) return is(is);
        if (e instanceof Expr.Case c) return caseOf(c);
        if (e instanceof Expr.Cast c) return cast(c);
        if (e instanceof Expr.Call c) return function(c);
        if (e instanceof Expr.Index ix) return function("elementAt", of(ix.array()), of(ix.index()));
        if (e instanceof Expr.ArrayOf a) {
            if (a.elements().isEmpty()) return CodeBlock.of("$T.of()", List.class);
            return CodeBlock.of("$T.asList($L)", Arrays.class, CodeBlock.join(a.elements().stream().map(this::of).toList(), ", "));
        }
        throw new NotNative("the expression `" + dev.eddy.expr.Exprs.print(e) + "` has no Java translation");
    }

    /** An operator's or a cast's rule, in Sql. */
    private CodeBlock call(String method, CodeBlock... args) {
        return CodeBlock.of("$T.$L($L)", sql, method, CodeBlock.join(List.of(args), ", "));
    }

    /** A function the expression calls, in SqlFunctions. */
    private CodeBlock function(String method, CodeBlock... args) {
        return CodeBlock.of("$T.$L($L)", functions, method, CodeBlock.join(List.of(args), ", "));
    }

    private static CodeBlock literal(Object v, DataType t) {
        if (v == null) return CodeBlock.of("($T) null", javaType(t));
        if (v instanceof String s) return CodeBlock.of("$S", s);
        if (v instanceof Long l) return CodeBlock.of("$LL", l);
        if (v instanceof Double d) {
            if (d.isNaN()) return CodeBlock.of("$T.NaN", Double.class);
            if (d.isInfinite()) return CodeBlock.of("$T.$L", Double.class, d > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY");
            return CodeBlock.of("$L", Double.toString(d));
        }
        if (v instanceof Boolean b) return CodeBlock.of("$L", b);
        if (v instanceof Instant i) return CodeBlock.of("$T.ofEpochMilli($LL)", Instant.class, i.toEpochMilli());
        if (v instanceof List<?> list) {
            List<CodeBlock> items = new ArrayList<>();
            for (Object o : list) items.add(literal(o, t.element()));
            return CodeBlock.of("$T.asList($L)", Arrays.class, CodeBlock.join(items, ", "));
        }
        throw new NotNative("a literal of type " + t + " has no Java translation");
    }

    /** A branch of a ternary: boxed, so that a NULL branch never unboxes. */
    private CodeBlock boxed(Expr e, DataType type) {
        return CodeBlock.of("($T) $L", javaType(type), of(e));
    }

    private CodeBlock binary(Expr.Binary b) {
        CodeBlock l = of(b.left());
        CodeBlock r = of(b.right());
        return switch (b.op()) {
            case AND, OR -> {
                String m = b.op() == Expr.BinaryOp.AND ? "and" : "or";
                yield dev.eddy.expr.Exprs.mayFail(b.right()) ? call(m, l, CodeBlock.of("() -> $L", r)) : call(m, l, r);
            }
            case EQ -> call("eq", l, r);
            case NE -> call("ne", l, r);
            case LT -> call("lt", l, r);
            case LE -> call("le", l, r);
            case GT -> call("gt", l, r);
            case GE -> call("ge", l, r);
            case CONCAT -> function("concat", l, r);
            case ADD -> call("add", l, r);
            case SUBTRACT -> call("subtract", l, r);
            case MULTIPLY -> call("multiply", l, r);
            case DIVIDE -> call("divide", l, r);
            case MODULO -> call("mod", l, r);
        };
    }

    private CodeBlock is(Expr.Is is) {
        CodeBlock v = of(is.value());
        return switch (is.test()) {
            case NULL -> CodeBlock.of(is.negated() ? "($L != null)" : "($L == null)", v);
            case TRUE -> CodeBlock.of(is.negated() ? "!$T.TRUE.equals($L)" : "$T.TRUE.equals($L)", Boolean.class, v);
            case FALSE -> CodeBlock.of(is.negated() ? "!$T.FALSE.equals($L)" : "$T.FALSE.equals($L)", Boolean.class, v);
        };
    }

    private CodeBlock caseOf(Expr.Case c) {
        CodeBlock otherwise = c.otherwise() == null ? CodeBlock.of("($T) null", javaType(c.type())) : boxed(c.otherwise(), c.type());
        CodeBlock.Builder b = CodeBlock.builder();
        CodeBlock operand = c.operand() == null ? null : of(c.operand());
        for (Expr.When w : c.whens()) {
            CodeBlock test = operand == null ? call("isTrue", of(w.condition())) : call("matches", operand, of(w.condition()));
            b.add("$L\n    ? $L\n    : ", test, boxed(w.result(), c.type()));
        }
        return b.add("$L", otherwise).build();
    }

    private CodeBlock cast(Expr.Cast c) {
        DataType from = c.operand().type();
        DataType to = c.type();
        CodeBlock v = of(c.operand());
        if (from.equals(to)) return v;
        if (from.kind() == DataType.Kind.NULL) return CodeBlock.of("($T) null", javaType(to));
        String method = switch (to.kind()) {
            case STRING -> "text";
            case BIGINT -> "toBigint";
            case DOUBLE -> "toDouble";
            case BOOLEAN -> "toBoolean";
            case TIMESTAMP -> from.kind() == DataType.Kind.STRING ? "toTimestamp" : null;
            default -> null;
        };
        if (method == null) throw new NotNative("CAST from " + from + " to " + to + " has no Java translation yet");
        CodeBlock converted = call(method, v);
        return c.kind() == Expr.CastKind.TRY ? CodeBlock.of("$T.orNull(() -> $L)", sql, converted) : converted;
    }

    private CodeBlock function(Expr.Call c) {
        List<CodeBlock> args = c.args().stream().map(this::of).toList();
        switch (c.function()) {
            case "PI":
                return CodeBlock.of("$T.PI", Math.class);
            case "MOD":
                return call("mod", args.get(0), args.get(1));
            case "IF":
                return CodeBlock.of("$L\n    ? $L\n    : $L", call("isTrue", args.get(0)), boxed(c.args().get(1), c.type()), boxed(c.args().get(2), c.type()));
            case "COALESCE":
            case "IFNULL":
                return c.args().size() == 1 ? boxed(c.args().get(0), c.type()) : coalesce(c);
            case "TO_TIMESTAMP":
                if (c.args().size() == 1) return call("toTimestamp", args.get(0));
                throw new NotNative("TO_TIMESTAMP with a format has no Java translation yet");
            default:
                String m = METHODS.get(c.function());
                if (m == null) throw new NotNative("the function " + c.function() + " has no Java translation yet");
                return function(m, args.toArray(new CodeBlock[0]));
        }
    }

    /** COALESCE(a, b, c); lazily, each argument computed only when the ones before are NULL, where one can fail. */
    private CodeBlock coalesce(Expr.Call c) {
        boolean lazy = c.args().stream().skip(1).anyMatch(dev.eddy.expr.Exprs::mayFail);
        List<CodeBlock> args = new ArrayList<>();
        for (Expr a : c.args()) args.add(lazy ? CodeBlock.of("() -> $L", boxed(a, c.type())) : boxed(a, c.type()));
        return CodeBlock.of("$T.$L($L)", functions, lazy ? "coalesceLazily" : "coalesce", CodeBlock.join(args, ", "));
    }

    /** Thrown for what the native export cannot write, with the reason. */
    static final class NotNative extends RuntimeException {
        NotNative(String why) { super(why); }
    }
}
