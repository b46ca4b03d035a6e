package dev.eddy.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The only place calls are resolved: a fixed map from upper-case name to definition, filled once
 * from the category classes. There is no reflection and no lookup outside this map, so an
 * expression from an untrusted file can reach nothing but these functions.
 */
final class FunctionRegistry {
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");
    private static final Set<String> NON_DETERMINISTIC = Set.of("NOW", "RAND", "RANDOM", "UUID",
            "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "PROCTIME");

    private static final Map<String, FunctionDef> BY_NAME;
    private static final List<FunctionDoc> DOCS;

    static {
        Builder b = new Builder();
        StringFunctions.register(b);
        RegexFunctions.register(b);
        MathFunctions.register(b);
        TimeFunctions.register(b);
        ConditionalFunctions.register(b);
        ArrayFunctions.register(b);
        BY_NAME = Map.copyOf(b.byName);
        DOCS = List.copyOf(b.docs);
    }

    private FunctionRegistry() {}

    /** The definition for an upper-case name or alias, or null. */
    static FunctionDef lookup(String upperName) { return BY_NAME.get(upperName); }

    static List<FunctionDoc> docs() { return DOCS; }

    static String unknown(String name) {
        if (AGGREGATES.contains(name)) {
            return name + " is an aggregate function; an expression sees one record at a time, so aggregate in an aggregate node";
        }
        if (NON_DETERMINISTIC.contains(name)) {
            return name + " is not available: expressions must give the same result for the same record";
        }
        String close = Suggest.closest(name, BY_NAME.keySet());
        return "unknown function " + name + (close == null ? "; see docs/expressions.md for the list" : "; did you mean " + close + "?");
    }

    static final class Builder {
        private final Map<String, FunctionDef> byName = new HashMap<>();
        private final List<FunctionDoc> docs = new ArrayList<>();
        private String category;

        void category(String c) { category = c; }

        void fn(String name, String params, String returns, String description, FunctionDef.Impl impl) {
            FunctionDef def = new FunctionDef(name, category, Signature.parse(params, returns), returns, description, impl);
            add(name, def);
            docs.add(def.doc(name, description));
        }

        void alias(String alias, String target) {
            FunctionDef def = byName.get(target);
            add(alias, def);
            docs.add(def.doc(alias, "Same as " + target + "."));
        }

        private void add(String name, FunctionDef def) {
            if (!name.equals(name.toUpperCase(Locale.ROOT)) || byName.putIfAbsent(name, def) != null) {
                throw new IllegalStateException("bad or duplicate function name " + name);
            }
        }
    }
}
