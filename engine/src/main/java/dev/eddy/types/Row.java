package dev.eddy.types;

import java.util.Arrays;

/**
 * One record's values, positionally matching the schema of the edge it travels on. Rows are
 * never changed after they are made: operators build new rows, so a row may be shared by every
 * downstream consumer and by observers without copying.
 */
public final class Row {
    private final Object[] values;

    private Row(Object[] values) { this.values = values; }

    /** Takes ownership of the array: the caller must not touch it afterwards. */
    public static Row wrap(Object[] values) { return new Row(values); }

    public static Row of(Object... values) { return new Row(values.clone()); }

    public Object get(int i) { return values[i]; }

    public int arity() { return values.length; }

    public Object[] copyValues() { return values.clone(); }

    @Override
    public boolean equals(Object o) { return o instanceof Row r && Arrays.equals(r.values, values); }

    @Override
    public int hashCode() { return Arrays.hashCode(values); }

    @Override
    public String toString() { return Arrays.toString(values); }
}
