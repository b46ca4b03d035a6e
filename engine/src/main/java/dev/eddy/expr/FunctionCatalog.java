package dev.eddy.expr;

import java.util.List;

/** The fixed list of functions an expression may call; nothing outside it can be reached. */
public final class FunctionCatalog {
    private FunctionCatalog() {}

    /** Every function and alias, grouped by category, in a stable order. */
    public static List<FunctionDoc> all() { return FunctionRegistry.docs(); }
}
