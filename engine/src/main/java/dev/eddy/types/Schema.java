package dev.eddy.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An ordered list of uniquely named fields; the shape of every record on one edge. */
public final class Schema {
    public static final Schema EMPTY = new Schema(List.of());

    private final List<Field> fields;
    private final Map<String, Integer> index;

    public Schema(List<Field> fields) {
        this.fields = List.copyOf(fields);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            if (idx.put(this.fields.get(i).name(), i) != null) {
                throw new IllegalArgumentException("field \"" + this.fields.get(i).name() + "\" appears twice");
            }
        }
        this.index = Collections.unmodifiableMap(idx);
    }

    public static Schema of(Object... nameTypePairs) {
        List<Field> f = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            f.add(new Field((String) nameTypePairs[i], (DataType) nameTypePairs[i + 1]));
        }
        return new Schema(f);
    }

    public List<Field> fields() { return fields; }

    public int size() { return fields.size(); }

    public Field field(int i) { return fields.get(i); }

    /** Position of a field, or -1 when there is none of that name. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    public boolean has(String name) { return index.containsKey(name); }

    public DataType typeOf(String name) {
        int i = indexOf(name);
        return i < 0 ? null : fields.get(i).type();
    }

    public List<String> names() {
        List<String> n = new ArrayList<>(fields.size());
        for (Field f : fields) n.add(f.name());
        return n;
    }

    @Override
    public boolean equals(Object o) { return o instanceof Schema s && s.fields.equals(fields); }

    @Override
    public int hashCode() { return fields.hashCode(); }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(fields.get(i));
        }
        return b.append(')').toString();
    }
}
