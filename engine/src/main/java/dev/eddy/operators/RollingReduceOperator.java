package dev.eddy.operators;

import dev.eddy.runtime.KeySelector;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;

/** A keyed reduce: the output has the input's schema, each field combined by its combiner. */
public final class RollingReduceOperator extends KeyedRollingOperator {
    private final FieldCombiner[] combiners;

    /** combiners[i] is null for a field that keeps the first record's value. */
    public RollingReduceOperator(Schema input, KeySelector key, boolean batch, FieldCombiner[] combiners) {
        super(input, key, batch);
        this.combiners = combiners;
    }

    @Override
    public Object first(Row row) { return row; }

    @Override
    public Object add(Object accumulator, Row row) { return FieldCombiner.combineAll(combiners, (Row) accumulator, row); }

    @Override
    public Row result(Object key, Object accumulator) { return (Row) accumulator; }
}
