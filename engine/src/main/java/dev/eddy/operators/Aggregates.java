package dev.eddy.operators;

import java.util.List;
import dev.eddy.types.Row;

/**
 * The accumulators of a list of aggregate calls (COUNT, SUM, MIN, MAX, AVG, FIRST, LAST): made
 * empty, fed one record at a time, merged (when session windows merge), and read out. Shared by
 * the rolling aggregate and the window aggregate, so both compute exactly alike.
 */
public final class Aggregates {
    private final AggregateCall[] calls;
    /**
     * SUMs of BIGINT fields, kept unboxed: the running sum in {@code counts[i]}, and in
     * {@code values[i]} a mark that some value was summed (SUM of nothing is NULL). Boxing each new
     * sum was a tenth of a sliding window's time.
     */
    private final boolean[] longSum;
    private static final Object SUMMED = Boolean.TRUE;

    public Aggregates(List<AggregateCall> calls) {
        this.calls = calls.toArray(new AggregateCall[0]);
        this.longSum = new boolean[this.calls.length];
        for (int i = 0; i < longSum.length; i++) {
            longSum[i] = this.calls[i].function() == AggregateCall.Function.SUM
                    && this.calls[i].resultType().kind() == dev.eddy.types.DataType.Kind.BIGINT;
        }
    }

    public int size() { return calls.length; }

    /**
     * Whether the results are the same in whatever order the records are added and accumulators
     * merged: COUNT, SUM of BIGINT (whole numbers wrap the same either way), MIN and MAX (a total
     * order). Not a SUM or AVG of DOUBLEs, whose roundings depend on the order, nor FIRST and LAST.
     */
    public boolean orderInsensitive() {
        for (int i = 0; i < calls.length; i++) {
            AggregateCall.Function f = calls[i].function();
            boolean exact = f == AggregateCall.Function.COUNT || f == AggregateCall.Function.MIN || f == AggregateCall.Function.MAX || longSum[i];
            if (!exact) return false;
        }
        return true;
    }

    /** A mutable accumulator; owned by one operator subtask. */
    public static final class Acc {
        final Object[] values;
        final long[] counts;

        Acc(int n) {
            values = new Object[n];
            counts = new long[n];
        }

        private Acc(Object[] values, long[] counts) {
            this.values = values;
            this.counts = counts;
        }

        /** An accumulator read back from its two arrays (another runtime's state), taking ownership of them. */
        public static Acc of(Object[] values, long[] counts) { return new Acc(values, counts); }

        /** The per-call values (sums, minimums, ...); for serializing the accumulator, not for changing it. */
        public Object[] values() { return values; }

        public long[] counts() { return counts; }

        public void write(dev.eddy.checkpoint.StateWriter out) {
            out.writeValue(java.util.Arrays.asList(values)).writeInt(counts.length);
            for (long v : counts) out.writeLong(v);
        }

        public static Acc read(dev.eddy.checkpoint.StateReader in) {
            Object[] values = ((List<?>) in.readValue()).toArray();
            long[] counts = new long[in.readInt()];
            for (int i = 0; i < counts.length; i++) counts[i] = in.readLong();
            return new Acc(values, counts);
        }
    }

    public Acc create() { return new Acc(calls.length); }

    public Acc add(Acc acc, Row row) {
        for (int i = 0; i < calls.length; i++) {
            AggregateCall c = calls[i];
            Object v = c.field() < 0 ? Boolean.TRUE : row.get(c.field());
            if (v == null) continue;
            Object cur = acc.values[i];
            if (longSum[i]) {
                acc.counts[i] += (Long) v;
                acc.values[i] = SUMMED;
                continue;
            }
            switch (c.function()) {
                case COUNT -> acc.counts[i]++;
                case SUM -> acc.values[i] = FieldCombiner.SUM.combine(cur, v);
                case MIN -> acc.values[i] = FieldCombiner.MIN.combine(cur, v);
                case MAX -> acc.values[i] = FieldCombiner.MAX.combine(cur, v);
                case FIRST -> acc.values[i] = cur == null ? v : cur;
                case LAST -> acc.values[i] = v;
                case AVG -> {
                    acc.values[i] = (cur == null ? 0.0 : (Double) cur) + ((Number) v).doubleValue();
                    acc.counts[i]++;
                }
            }
        }
        return acc;
    }

    /** Folds {@code source} into {@code target}; target's values count as the earlier ones (FIRST keeps them). */
    public Acc merge(Acc target, Acc source) {
        for (int i = 0; i < calls.length; i++) {
            Object t = target.values[i];
            Object s = source.values[i];
            if (longSum[i]) {
                if (s != null) {
                    target.counts[i] += source.counts[i];
                    target.values[i] = SUMMED;
                }
                continue;
            }
            switch (calls[i].function()) {
                case COUNT -> target.counts[i] += source.counts[i];
                case SUM -> target.values[i] = FieldCombiner.SUM.combine(t, s);
                case MIN -> target.values[i] = FieldCombiner.MIN.combine(t, s);
                case MAX -> target.values[i] = FieldCombiner.MAX.combine(t, s);
                case FIRST -> target.values[i] = t == null ? s : t;
                case LAST -> target.values[i] = s == null ? t : s;
                case AVG -> {
                    target.values[i] = t == null ? s : s == null ? t : (Double) t + (Double) s;
                    target.counts[i] += source.counts[i];
                }
            }
        }
        return target;
    }

    /** Writes the results into out[offset], out[offset + 1], ... */
    public void results(Acc acc, Object[] out, int offset) {
        for (int i = 0; i < calls.length; i++) {
            if (longSum[i]) {
                out[offset + i] = acc.values[i] == null ? null : (Object) acc.counts[i];
                continue;
            }
            switch (calls[i].function()) {
                case COUNT -> out[offset + i] = acc.counts[i];
                case AVG -> out[offset + i] = acc.counts[i] == 0 ? null : (Double) acc.values[i] / acc.counts[i];
                default -> out[offset + i] = acc.values[i];
            }
        }
    }
}
