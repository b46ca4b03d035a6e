package dev.eddy.operators.window;

import dev.eddy.expr.CompiledExpression;
import dev.eddy.types.Row;

/**
 * Flink's DeltaFunction for the delta trigger and evictor, built from one numeric expression: the
 * delta from an older record to a newer one is the newer value minus the older (as in Flink's
 * TopSpeedWindowing example), or its absolute value (Flink's EuclideanDistance over one field).
 * A record whose value is NULL has no delta to anything: it neither fires nor is evicted.
 */
public record DeltaFunction(CompiledExpression value, boolean absolute) {
    /** The record's value, or null. */
    public Double valueOf(Row row) {
        Object v = value.evaluate(row);
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** getDelta(older, newer), or null when either value is NULL. */
    public Double delta(Double older, Double newer) {
        if (older == null || newer == null) return null;
        double d = newer - older;
        return absolute ? Math.abs(d) : d;
    }

    public String describe() { return (absolute ? "|Δ " : "Δ ") + value.text() + (absolute ? "|" : ""); }
}
