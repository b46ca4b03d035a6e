package dev.eddy.expr;

import dev.eddy.types.Row;

/** A value known at compile time; functions look for it to prepare patterns once. */
record Const(Object value) implements Ev {
    @Override
    public Object eval(Row row) { return value; }
}
