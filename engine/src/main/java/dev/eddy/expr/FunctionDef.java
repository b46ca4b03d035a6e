package dev.eddy.expr;

/** A function of the fixed list: its documented signature and how to build its node. */
record FunctionDef(String name, String category, Signature signature, String returns, String description, Impl impl) {
    @FunctionalInterface
    interface Impl {
        Ev build(CallContext c) throws ExpressionError;
    }

    FunctionDoc doc(String shownName, String shownDescription) {
        return new FunctionDoc(shownName, shownName + "(" + signature.namedText() + ")", returns, category, shownDescription);
    }
}
