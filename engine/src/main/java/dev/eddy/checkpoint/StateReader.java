package dev.eddy.checkpoint;

import dev.eddy.runtime.CompositeKey;
import dev.eddy.types.Row;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads back what a {@link StateWriter} wrote, in the same order; a damaged checkpoint is an error that says so. */
public final class StateReader {
    private final DataInputStream in;

    public StateReader(byte[] bytes) { this.in = new DataInputStream(new ByteArrayInputStream(bytes)); }

    public long readLong() {
        try {
            return in.readLong();
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    public int readInt() {
        try {
            return in.readInt();
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    public boolean readBoolean() { return readInt() != 0; }

    public Object readValue() {
        try {
            return read();
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    /** A value known to be a row (null stays null). */
    public Row readRow() { return (Row) readValue(); }

    public byte[] readBytes() {
        try {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return b;
        } catch (IOException | NegativeArraySizeException e) {
            throw damaged(e);
        }
    }

    private Object read() throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case StateWriter.NULL: return null;
            case StateWriter.TRUE: return Boolean.TRUE;
            case StateWriter.FALSE: return Boolean.FALSE;
            case StateWriter.LONG: return in.readLong();
            case StateWriter.INT: return in.readInt();
            case StateWriter.BYTE: return in.readByte();
            case StateWriter.DOUBLE: return in.readDouble();
            case StateWriter.STRING: {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                return new String(b, java.nio.charset.StandardCharsets.UTF_8);
            }
            case StateWriter.INSTANT: return Instant.ofEpochSecond(in.readLong(), in.readInt());
            case StateWriter.ROW: {
                Object[] values = new Object[in.readInt()];
                for (int i = 0; i < values.length; i++) values[i] = read();
                return Row.wrap(values);
            }
            case StateWriter.KEY: {
                Object[] parts = new Object[in.readInt()];
                for (int i = 0; i < parts.length; i++) parts[i] = read();
                return new CompositeKey(parts);
            }
            case StateWriter.LIST: {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) list.add(read());
                return list;
            }
            case StateWriter.MAP: {
                int n = in.readInt();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object k = read();
                    map.put(k, read());
                }
                return map;
            }
            default: throw new IOException("unknown value tag " + tag);
        }
    }

    private static IllegalStateException damaged(Exception e) {
        return new IllegalStateException("the checkpoint is damaged or from another version of Eddy (" + e.getMessage() + ")", e);
    }
}
