package dev.eddy.runtime;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which Flink's BATCH mode processes keys: SortingDataInput sorts by the key's
 * serialized bytes, compared as signed bytes and then by length
 * (VariableLengthByteKeyComparator). So keys do not come out in their natural order: strings
 * sort by length first (StringValue writes the length before the chars), and longs by their
 * big-endian bytes compared signed (128 sorts before 0). We serialize as Flink's
 * StringSerializer, LongSerializer, DoubleSerializer, BooleanSerializer and InstantSerializer do.
 */
public final class SerializedKeyOrder implements Comparator<Object> {
    public static final SerializedKeyOrder INSTANCE = new SerializedKeyOrder();

    private SerializedKeyOrder() {}

    @Override
    public int compare(Object a, Object b) {
        return compareBytes(bytes(a), bytes(b));
    }

    static int compareBytes(byte[] x, byte[] y) {
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int c = Byte.compare(x[i], y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    public static byte[] bytes(Object key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(key, out);
        return out.toByteArray();
    }

    private static void write(Object key, ByteArrayOutputStream out) {
        if (key == null) {
            out.write(0);
        } else if (key instanceof String s) {
            // StringValue#writeString: length + 1 as a 7-bit varint, then each char as a varint.
            writeVarInt(s.length() + 1, out);
            for (int i = 0; i < s.length(); i++) writeVarInt(s.charAt(i), out);
        } else if (key instanceof Long l) {
            writeLong(l, out);
        } else if (key instanceof Double d) {
            writeLong(Double.doubleToLongBits(d), out);
        } else if (key instanceof Byte b) {
            out.write(b);
        } else if (key instanceof Boolean b) {
            out.write(b ? 1 : 0);
        } else if (key instanceof Instant t) {
            writeLong(t.getEpochSecond(), out);
            int n = t.getNano();
            out.write(n >>> 24);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
        } else if (key instanceof CompositeKey k) {
            // TupleSerializer: the fields' bytes one after the other.
            for (Object o : k.fields()) write(o, out);
        } else if (key instanceof List<?> list) {
            for (Object o : list) write(o, out);
        } else {
            throw new IllegalArgumentException("no Flink serialization for key " + key);
        }
    }

    private static void writeVarInt(int v, ByteArrayOutputStream out) {
        while (v >= 0x80) {
            out.write(v | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static void writeLong(long v, ByteArrayOutputStream out) {
        for (int shift = 56; shift >= 0; shift -= 8) out.write((int) (v >>> shift));
    }
}
