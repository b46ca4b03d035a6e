package dev.eddy.flink.runtime;

import dev.eddy.operators.Aggregates;
import dev.eddy.types.Row;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's type information for Eddy's rows, keys and accumulators, so Flink uses {@link EddySerializer}. */
public final class EddyTypes<T> extends TypeInformation<T> {
    public static final EddyTypes<Row> ROW = new EddyTypes<>(EddySerializer.ROW, Row.class, false);
    public static final EddyTypes<Object> KEY = new EddyTypes<>(EddySerializer.KEY, Object.class, true);
    public static final EddyTypes<Aggregates.Acc> ACCUMULATOR = new EddyTypes<>(EddySerializer.ACCUMULATOR, Aggregates.Acc.class, false);

    private final EddySerializer<T> serializer;
    private final Class<T> type;
    private final boolean key;

    private EddyTypes(EddySerializer<T> serializer, Class<T> type, boolean key) {
        this.serializer = serializer;
        this.type = type;
        this.key = key;
    }

    /** The rows' type, for code that reads better with a method call. */
    public static EddyTypes<Row> rows() { return ROW; }

    public static EddyTypes<Object> keys() { return KEY; }

    public static EddyTypes<Aggregates.Acc> accumulators() { return ACCUMULATOR; }

    @Override
    public boolean isBasicType() { return false; }

    @Override
    public boolean isTupleType() { return false; }

    @Override
    public int getArity() { return 1; }

    @Override
    public int getTotalFields() { return 1; }

    @Override
    public Class<T> getTypeClass() { return type; }

    @Override
    public boolean isKeyType() { return key; }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) { return serializer; }

    @Override
    public String toString() { return "Eddy " + type.getSimpleName(); }

    @Override
    public boolean equals(Object o) { return o instanceof EddyTypes<?> t && t.serializer.equals(serializer); }

    @Override
    public int hashCode() { return serializer.hashCode(); }

    @Override
    public boolean canEqual(Object o) { return o instanceof EddyTypes; }
}
