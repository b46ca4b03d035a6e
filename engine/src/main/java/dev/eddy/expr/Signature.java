package dev.eddy.expr;

import dev.eddy.types.DataType;
import dev.eddy.types.DataType.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A parameter list written the way the docs show it, e.g. {@code "s STRING, start BIGINT[, length BIGINT]"}
 * or {@code "value T..."}: the same text drives the docs and the argument checks, so they cannot drift.
 * Types are concrete, a union like {@code BIGINT|STRING}, or one type variable per signature:
 * T (any), N (BIGINT or DOUBLE), C (any but ARRAY), also as {@code ARRAY<T>}. The variable becomes
 * the common type of the arguments it matches, as in CASE branches.
 */
final class Signature {
    private enum Shape { EXACT, UNION, VAR, ARRAY_OF_VAR }

    private record Param(String name, Shape shape, List<DataType> types, String typeText) {}

    private final List<Param> params;
    private final int required;
    private final boolean variadic;
    private final char variable;
    private final String returns;

    private Signature(List<Param> params, int required, boolean variadic, char variable, String returns) {
        this.params = params;
        this.required = required;
        this.variadic = variadic;
        this.variable = variable;
        this.returns = returns;
    }

    static Signature parse(String spec, String returns) {
        List<Param> params = new ArrayList<>();
        int required = -1;
        boolean variadic = false;
        char variable = 0;
        String[] pieces = spec.isBlank() ? new String[0] : spec.split(",");
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (piece.contains("[") && required < 0) required = i + (piece.trim().startsWith("[") ? 0 : 1);
            piece = piece.replace("[", "").replace("]", "").trim();
            if (piece.endsWith("...")) {
                variadic = true;
                piece = piece.substring(0, piece.length() - 3);
            }
            String[] nameType = piece.split(" ", 2);
            Param p = param(nameType[0], nameType[1]);
            if (p.shape() == Shape.VAR || p.shape() == Shape.ARRAY_OF_VAR) {
                char v = p.typeText().charAt(p.shape() == Shape.VAR ? 0 : 6);
                if (variable != 0 && variable != v) throw new IllegalArgumentException("one type variable per signature: " + spec);
                variable = v;
            }
            params.add(p);
        }
        return new Signature(List.copyOf(params), required < 0 ? params.size() : required, variadic, variable, returns);
    }

    private static Param param(String name, String type) {
        if (type.length() == 1) return new Param(name, Shape.VAR, List.of(), type);
        if (type.matches("ARRAY<[TNC]>")) return new Param(name, Shape.ARRAY_OF_VAR, List.of(), type);
        List<DataType> types = new ArrayList<>();
        for (String t : type.split("\\|")) types.add(DataType.parse(t));
        return new Param(name, types.size() == 1 ? Shape.EXACT : Shape.UNION, List.copyOf(types), type.replace("|", " or "));
    }

    /** "s STRING, start BIGINT[, length BIGINT]" */
    String namedText() { return render(true); }

    /** "(STRING, BIGINT[, BIGINT])" */
    String typesText() { return "(" + render(false) + ")"; }

    private String render(boolean withNames) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (i == required) b.append('[');
            if (i > 0) b.append(", ");
            b.append(withNames ? p.name() + " " + p.typeText() : p.typeText());
        }
        if (variadic) b.append("...");
        if (required < params.size()) b.append(']');
        return b.toString();
    }

    private String arity() {
        if (variadic) return "at least " + plural(required);
        if (required == params.size()) return plural(required);
        if (required + 1 == params.size()) return required + " or " + params.size() + " arguments";
        return required + " to " + params.size() + " arguments";
    }

    private static String plural(int n) {
        return n == 0 ? "no arguments" : n == 1 ? "1 argument" : n + " arguments";
    }

    /**
     * Checks the arguments of a call and converts them to the parameter types.
     *
     * @param shown     the name as written, for messages (may be an alias)
     * @param canonical the name stored in the tree
     */
    Expr.Call resolve(String shown, String canonical, List<Expr> args, int column) throws ExpressionError {
        int n = args.size();
        if (n < required || (!variadic && n > params.size())) {
            throw new ExpressionError(column, shown + " takes " + arity() + " " + typesText() + " but got " + n);
        }
        DataType bound = DataType.NULL;
        for (int i = 0; i < n; i++) {
            Param p = param(i);
            Expr arg = args.get(i);
            DataType a = arg.type();
            if (p.shape() == Shape.EXACT || p.shape() == Shape.UNION) {
                if (p.types().stream().noneMatch(t -> Types.assignable(a, t))) {
                    throw argError(shown, i, arg, "must be " + p.typeText() + " but is " + a);
                }
            } else if (p.shape() == Shape.VAR) {
                bound = bind(shown, i, arg, a, bound);
            } else if (!Types.isNull(a)) {
                if (a.kind() != Kind.ARRAY) throw argError(shown, i, arg, "must be an ARRAY but is " + a);
                bound = bind(shown, i, arg, a.element(), bound);
            }
        }
        DataType v = Types.isNull(bound) && variable == 'N' ? DataType.BIGINT : bound;
        List<Expr> coerced = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Param p = param(i);
            DataType a = args.get(i).type();
            DataType target;
            switch (p.shape()) {
                case EXACT: target = p.types().get(0); break;
                case UNION: target = p.types().contains(a) ? a
                        : p.types().stream().filter(t -> Types.assignable(a, t)).findFirst().orElseThrow(); break;
                case VAR: target = v; break;
                default: target = Types.isNull(v) ? a : DataType.arrayOf(v);
            }
            coerced.add(Types.coerce(args.get(i), target));
        }
        return new Expr.Call(canonical, coerced, resultType(v), column);
    }

    private Param param(int i) { return params.get(Math.min(i, params.size() - 1)); }

    private DataType bind(String fn, int i, Expr arg, DataType a, DataType bound) throws ExpressionError {
        if (variable == 'N' && !a.isNumeric() && !Types.isNull(a)) {
            throw argError(fn, i, arg, "must be a number (BIGINT or DOUBLE) but is " + a);
        }
        if (variable == 'C' && a.kind() == Kind.ARRAY) throw argError(fn, i, arg, "must be a single value, not " + a);
        DataType u = Types.unify(bound, a);
        if (u == null) throw argError(fn, i, arg, "is " + a + " but must match the " + bound + " of the earlier arguments");
        return u;
    }

    private static ExpressionError argError(String fn, int i, Expr arg, String detail) {
        return new ExpressionError(arg.column(), fn + " argument " + (i + 1) + " " + detail);
    }

    private DataType resultType(DataType v) {
        if (returns.length() == 1) return v;
        if (returns.matches("ARRAY<[TNC]>")) return DataType.arrayOf(v);
        return DataType.parse(returns);
    }
}
