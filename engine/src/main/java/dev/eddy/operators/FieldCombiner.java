package dev.eddy.operators;

import dev.eddy.types.Row;
import java.util.Locale;

/**
 * How a reduce combines one field of the accumulated record with the same field of the next
 * record. Fields without a combiner keep the first record's value, as Flink's built-in
 * sum/min/max aggregations on a keyed stream do. NULLs are skipped, as SQL's aggregates do.
 */
public enum FieldCombiner {
    SUM, MIN, MAX, FIRST, LAST;

    public static FieldCombiner parse(String s) { return valueOf(s.trim().toUpperCase(Locale.ROOT)); }

    /** The next record folded into the accumulated one, field by field; combiners[i] null keeps the accumulated value. */
    public static Row combineAll(FieldCombiner[] combiners, Row acc, Row next) {
        Object[] out = acc.copyValues();
        for (int i = 0; i < out.length; i++) if (combiners[i] != null) out[i] = combiners[i].combine(out[i], next.get(i));
        return Row.wrap(out);
    }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public Object combine(Object acc, Object next) {
        if (this == LAST) return next == null ? acc : next;
        if (this == FIRST) return acc == null ? next : acc;
        if (next == null) return acc;
        if (acc == null) return next;
        switch (this) {
            case SUM:
                if (acc instanceof Long a) return a + (Long) next;
                return ((Number) acc).doubleValue() + ((Number) next).doubleValue();
            case MIN:
                return compare(acc, next) <= 0 ? acc : next;
            case MAX:
                return compare(acc, next) >= 0 ? acc : next;
            default:
                throw new AssertionError(this);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a.getClass() == b.getClass())) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }
}
