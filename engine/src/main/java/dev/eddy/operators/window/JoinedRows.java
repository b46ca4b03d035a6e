package dev.eddy.operators.window;

import dev.eddy.types.Row;

/** A left and a right record side by side, as both joins emit them. */
public final class JoinedRows {
    private JoinedRows() {}

    public static Row concat(Row left, Row right) {
        Object[] out = new Object[left.arity() + right.arity()];
        for (int i = 0; i < left.arity(); i++) out[i] = left.get(i);
        for (int i = 0; i < right.arity(); i++) out[left.arity() + i] = right.get(i);
        return Row.wrap(out);
    }
}
