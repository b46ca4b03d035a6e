package dev.eddy.runtime;

import java.util.Arrays;
import java.util.List;

/**
 * A key of several fields, hashed as Flink hashes a Tuple key (h = 31 * h + field hash,
 * starting from the first field's hash), so that keying by two fields lands on the same
 * subtask as {@code keyBy(t -> Tuple2.of(a, b))} does in Flink.
 */
public final class CompositeKey {
    private final Object[] fields;

    public CompositeKey(Object[] fields) { this.fields = fields; }

    public List<Object> fields() { return Arrays.asList(fields); }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < fields.length; i++) {
            int fh = fields[i] == null ? 0 : fields[i].hashCode();
            h = i == 0 ? fh : 31 * h + fh;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) { return o instanceof CompositeKey k && Arrays.equals(k.fields, fields); }

    @Override
    public String toString() { return Arrays.toString(fields); }
}
