package dev.eddy.operators.window;

import dev.eddy.operators.Aggregates;
import dev.eddy.operators.FieldCombiner;
import dev.eddy.operators.RollingAggregateOperator;
import dev.eddy.types.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a window computes when it fires. Every result row starts with the key's columns and the
 * window's bounds (window_start, window_end; NULL for the global window).
 */
public sealed interface WindowFunction permits WindowFunction.Aggregate, WindowFunction.Reduce, WindowFunction.Elements,
        WindowFunction.Join {
    /** Whether contents can be folded as elements arrive (reduce/aggregate) instead of kept whole. */
    boolean incremental();

    /** Folds a record into an incremental function's accumulator (null before the first record). */
    default Object add(Object accumulator, Row row) { throw new IllegalStateException(this + " keeps elements"); }

    /** Two accumulators of merged session windows into one; {@code into} is the state window's. */
    default Object merge(Object into, Object from) { throw new IllegalStateException(this + " keeps elements"); }

    /** Results from the accumulated value of an incremental function. */
    List<Row> fromAccumulator(Object key, Window window, Object accumulator);

    /** Results from the kept elements (evicting windows, full-window functions). */
    List<Row> fromElements(Object key, Window window, List<TimestampedRow> elements);

    static void writeBounds(Window window, Object[] out, int at) {
        boolean global = window instanceof Window.GlobalWindow;
        out[at] = global ? null : Instant.ofEpochMilli(window.start());
        out[at + 1] = global ? null : Instant.ofEpochMilli(window.end());
    }

    /** A record of the window as a result row: the key's columns (if any), the bounds, then the record's fields. */
    static Row withKeyAndBounds(Object key, int keyColumns, Window window, Row row) {
        Object[] values = new Object[keyColumns + 2 + row.arity()];
        RollingAggregateOperator.writeKey(key, keyColumns, values);
        writeBounds(window, values, keyColumns);
        for (int i = 0; i < row.arity(); i++) values[keyColumns + 2 + i] = row.get(i);
        return Row.wrap(values);
    }

    /** Incremental aggregation, like window(...).aggregate(...): one result row per firing. */
    record Aggregate(Aggregates aggregates, int keyColumns) implements WindowFunction {
        @Override
        public boolean incremental() { return true; }

        @Override
        public Object add(Object accumulator, Row row) {
            return aggregates.add(accumulator == null ? aggregates.create() : (Aggregates.Acc) accumulator, row);
        }

        @Override
        public Object merge(Object into, Object from) { return aggregates.merge((Aggregates.Acc) into, (Aggregates.Acc) from); }

        @Override
        public List<Row> fromAccumulator(Object key, Window window, Object accumulator) {
            Object[] out = new Object[keyColumns + 2 + aggregates.size()];
            RollingAggregateOperator.writeKey(key, keyColumns, out);
            writeBounds(window, out, keyColumns);
            aggregates.results((Aggregates.Acc) accumulator, out, keyColumns + 2);
            return List.of(Row.wrap(out));
        }

        @Override
        public List<Row> fromElements(Object key, Window window, List<TimestampedRow> elements) {
            Aggregates.Acc acc = aggregates.create();
            for (TimestampedRow e : elements) aggregates.add(acc, e.row());
            return fromAccumulator(key, window, acc);
        }
    }

    /**
     * Incremental reduce, like window(...).reduce(reduceFunction, windowFunction): the window's
     * records combined field by field into one record of the input's schema (fields without a
     * combiner keep the first record's value), emitted with the window's bounds.
     */
    record Reduce(FieldCombiner[] combiners, int keyColumns) implements WindowFunction {
        @Override
        public boolean incremental() { return true; }

        @Override
        public Object add(Object accumulator, Row row) { return accumulator == null ? row : merge(accumulator, row); }

        @Override
        public Object merge(Object into, Object from) { return FieldCombiner.combineAll(combiners, (Row) into, (Row) from); }

        @Override
        public List<Row> fromAccumulator(Object key, Window window, Object accumulator) {
            // The reduce of no records (an evictor left nothing; on Flink, ReduceApplyWindowFunction
            // passes it on as null) is no row, where an aggregate still emits its empty result.
            if (accumulator == null) return List.of();
            return List.of(withKeyAndBounds(key, keyColumns, window, (Row) accumulator));
        }

        @Override
        public List<Row> fromElements(Object key, Window window, List<TimestampedRow> elements) {
            Object acc = null;
            for (TimestampedRow e : elements) acc = add(acc, e.row());
            return fromAccumulator(key, window, acc);
        }
    }

    /**
     * The window join of Flink's JoinedStreams (a coGroup over a window): every left element of the
     * window paired with every right element of the same key, left-major in arrival order. The
     * elements are the join's tagged rows: (0 or 1, the original row).
     */
    record Join() implements WindowFunction {
        @Override
        public boolean incremental() { return false; }

        @Override
        public List<Row> fromAccumulator(Object key, Window window, Object accumulator) {
            throw new IllegalStateException("a join keeps elements");
        }

        @Override
        public List<Row> fromElements(Object key, Window window, List<TimestampedRow> elements) {
            List<Row> left = new ArrayList<>();
            List<Row> right = new ArrayList<>();
            for (TimestampedRow e : elements) ((Long) e.row().get(0) == 0 ? left : right).add((Row) e.row().get(1));
            List<Row> out = new ArrayList<>(left.size() * right.size());
            for (Row l : left) for (Row r : right) out.add(JoinedRows.concat(l, r));
            return out;
        }
    }

    /**
     * A full-window function, like a ProcessWindowFunction that emits the window's elements: all
     * of them in arrival order, or the first {@code limit} by a field (top-N).
     */
    record Elements(int keyColumns, int orderBy, boolean descending, int limit) implements WindowFunction {
        @Override
        public boolean incremental() { return false; }

        @Override
        public List<Row> fromAccumulator(Object key, Window window, Object accumulator) {
            throw new IllegalStateException("a full-window function keeps elements");
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        @Override
        public List<Row> fromElements(Object key, Window window, List<TimestampedRow> elements) {
            List<TimestampedRow> chosen = new ArrayList<>(elements);
            if (orderBy >= 0) {
                Comparator<TimestampedRow> c = Comparator.comparing(e -> (Comparable) e.row().get(orderBy),
                        Comparator.nullsLast(Comparator.naturalOrder()));
                chosen.sort(descending ? c.reversed() : c);
            }
            if (limit > 0 && chosen.size() > limit) chosen = chosen.subList(0, limit);
            List<Row> out = new ArrayList<>(chosen.size());
            for (TimestampedRow e : chosen) out.add(withKeyAndBounds(key, keyColumns, window, e.row()));
            return out;
        }
    }
}
