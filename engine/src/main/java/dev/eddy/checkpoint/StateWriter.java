package dev.eddy.checkpoint;

import dev.eddy.runtime.CompositeKey;
import dev.eddy.types.Row;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes one operator's or source's state into a checkpoint, field by field in an order its
 * {@link StateReader} reads back. Values of records, keys and state are tagged with their type,
 * from a closed set (so reading a checkpoint never makes objects of a class it names, unlike Java
 * serialization): null, booleans, whole numbers, doubles, strings, instants, lists, maps, rows and
 * composite keys. Operators write their own structures (windows, accumulators) from these parts.
 */
public final class StateWriter {
    static final int NULL = 0, TRUE = 1, FALSE = 2, LONG = 3, INT = 4, DOUBLE = 5, STRING = 6, INSTANT = 7, LIST = 8,
            MAP = 9, ROW = 10, KEY = 11, BYTE = 12;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    public StateWriter writeLong(long v) {
        try {
            out.writeLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public StateWriter writeInt(int v) {
        try {
            out.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public StateWriter writeBoolean(boolean v) { return writeInt(v ? 1 : 0); }

    /** A value of a record, a key or a state: one of the types above, or an error naming the type. */
    public StateWriter writeValue(Object v) {
        try {
            write(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void write(Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            writeString(s);
        } else if (v instanceof Instant t) {
            out.writeByte(INSTANT);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (v instanceof Row r) {
            out.writeByte(ROW);
            out.writeInt(r.arity());
            for (int i = 0; i < r.arity(); i++) write(r.get(i));
        } else if (v instanceof CompositeKey k) {
            out.writeByte(KEY);
            List<Object> parts = k.fields();
            out.writeInt(parts.size());
            for (Object p : parts) write(p);
        } else if (v instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object e : list) write(e);
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(e.getKey());
                write(e.getValue());
            }
        } else {
            throw new IllegalStateException("a value of type " + v.getClass().getSimpleName() + " cannot be written to a checkpoint");
        }
    }

    private void writeString(String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** A nested part, written as its own length-prefixed block (an operator's state inside a task's). */
    public StateWriter writeBytes(byte[] b) {
        try {
            out.writeInt(b.length);
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public byte[] toByteArray() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
