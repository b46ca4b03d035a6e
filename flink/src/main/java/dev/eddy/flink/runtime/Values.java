package dev.eddy.flink.runtime;

import dev.eddy.runtime.CompositeKey;
import dev.eddy.types.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The binary form of Eddy's runtime values on Flink's wire and in its state: a one-byte tag and
 * the value. Tagging every value (rather than following a schema) keeps one serializer for rows,
 * keys and accumulators alike; the tag costs a byte per field.
 */
final class Values {
    private static final byte NULL = 0, STRING = 1, LONG = 2, DOUBLE = 3, TRUE = 4, FALSE = 5, INSTANT = 6,
            LIST = 7, KEY = 8, ROW = 9;

    private Values() {}

    static void write(Object v, DataOutputView out) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v instanceof Instant i) {
            out.writeByte(INSTANT);
            out.writeLong(i.toEpochMilli());
        } else if (v instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object o : list) write(o, out);
        } else if (v instanceof CompositeKey k) {
            out.writeByte(KEY);
            writeArray(k.fields().toArray(), out);
        } else if (v instanceof Row r) {
            out.writeByte(ROW);
            writeRow(r, out);
        } else {
            throw new IOException("Eddy cannot serialize a " + v.getClass().getName());
        }
    }

    static Object read(DataInputView in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL: return null;
            case STRING: {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                return new String(b, StandardCharsets.UTF_8);
            }
            case LONG: return in.readLong();
            case DOUBLE: return in.readDouble();
            case TRUE: return Boolean.TRUE;
            case FALSE: return Boolean.FALSE;
            case INSTANT: return Instant.ofEpochMilli(in.readLong());
            case LIST: {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) list.add(read(in));
                return java.util.Collections.unmodifiableList(list);
            }
            case KEY: return new CompositeKey(readArray(in));
            case ROW: return readRow(in);
            default: throw new IOException("unknown value tag " + tag + " in Eddy's serialized data");
        }
    }

    static void writeRow(Row row, DataOutputView out) throws IOException {
        out.writeInt(row.arity());
        for (int i = 0; i < row.arity(); i++) write(row.get(i), out);
    }

    static Row readRow(DataInputView in) throws IOException { return Row.wrap(readArray(in)); }

    static void writeArray(Object[] values, DataOutputView out) throws IOException {
        out.writeInt(values.length);
        for (Object v : values) write(v, out);
    }

    static Object[] readArray(DataInputView in) throws IOException {
        Object[] values = new Object[in.readInt()];
        for (int i = 0; i < values.length; i++) values[i] = read(in);
        return values;
    }
}
