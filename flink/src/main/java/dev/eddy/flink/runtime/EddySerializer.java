package dev.eddy.flink.runtime;

import dev.eddy.operators.Aggregates;
import dev.eddy.types.Row;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer for Eddy's values: rows, keys (a field's value or a composite key) and the
 * accumulators of aggregates. Without it Flink would fall back to Kryo, which is slower and cannot
 * reach into java.time on Java 17.
 */
public final class EddySerializer<T> extends TypeSerializer<T> {
    /** What is serialized; each kind has one stateless serializer. */
    public enum Kind { ROW, KEY, ACCUMULATOR }

    public static final EddySerializer<Row> ROW = new EddySerializer<>(Kind.ROW);
    public static final EddySerializer<Object> KEY = new EddySerializer<>(Kind.KEY);
    public static final EddySerializer<Aggregates.Acc> ACCUMULATOR = new EddySerializer<>(Kind.ACCUMULATOR);

    private final Kind kind;

    /** The rows' serializer, for Flink APIs that take one (DeltaTrigger keeps the last record). */
    public static EddySerializer<Row> rows() { return ROW; }

    private EddySerializer(Kind kind) { this.kind = kind; }

    static EddySerializer<?> of(Kind kind) {
        return switch (kind) {
            case ROW -> ROW;
            case KEY -> KEY;
            case ACCUMULATOR -> ACCUMULATOR;
        };
    }

    @Override
    public boolean isImmutableType() { return kind != Kind.ACCUMULATOR; }

    @Override
    public TypeSerializer<T> duplicate() { return this; }

    @Override
    public T createInstance() { return null; }

    @SuppressWarnings("unchecked")
    @Override
    public T copy(T from) {
        if (kind != Kind.ACCUMULATOR || from == null) return from;
        Aggregates.Acc a = (Aggregates.Acc) from;
        return (T) Aggregates.Acc.of(a.values().clone(), a.counts().clone());
    }

    @Override
    public T copy(T from, T reuse) { return copy(from); }

    @Override
    public int getLength() { return -1; }

    @Override
    public void serialize(T value, DataOutputView out) throws IOException {
        switch (kind) {
            case ROW -> Values.writeRow((Row) value, out);
            case KEY -> Values.write(value, out);
            case ACCUMULATOR -> {
                Aggregates.Acc a = (Aggregates.Acc) value;
                Values.writeArray(a.values(), out);
                out.writeInt(a.counts().length);
                for (long c : a.counts()) out.writeLong(c);
            }
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    public T deserialize(DataInputView in) throws IOException {
        return switch (kind) {
            case ROW -> (T) Values.readRow(in);
            case KEY -> (T) Values.read(in);
            case ACCUMULATOR -> {
                Object[] values = Values.readArray(in);
                long[] counts = new long[in.readInt()];
                for (int i = 0; i < counts.length; i++) counts[i] = in.readLong();
                yield (T) Aggregates.Acc.of(values, counts);
            }
        };
    }

    @Override
    public T deserialize(T reuse, DataInputView in) throws IOException { return deserialize(in); }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException { serialize(deserialize(in), out); }

    @Override
    public boolean equals(Object o) { return o instanceof EddySerializer<?> s && s.kind == kind; }

    @Override
    public int hashCode() { return kind.hashCode(); }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() { return new Snapshot<>(kind); }

    /** Names the kind; the format of each kind has not changed since version 1. */
    public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
        private Kind kind;

        public Snapshot() {}

        Snapshot(Kind kind) { this.kind = kind; }

        @Override
        public int getCurrentVersion() { return 1; }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException { out.writeUTF(kind.name()); }

        @Override
        public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
            kind = Kind.valueOf(in.readUTF());
        }

        @SuppressWarnings("unchecked")
        @Override
        public TypeSerializer<T> restoreSerializer() { return (TypeSerializer<T>) of(kind); }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
            return old instanceof Snapshot<T> s && s.kind == kind ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
