package dev.eddy.process;

import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a handler's expressions can use, in slot order: the fixed ones (record fields or
 * key columns, clocks, states) and then the locals of the enclosing blocks. Locals take slots
 * like a stack, so the visible names are always a prefix of the slots and one schema per point
 * of the program describes them.
 */
final class Scope {
    enum Kind { FIELD, KEY, CLOCK, STATE, LOCAL }

    record Name(String name, DataType type, Kind kind, int slot, int source) {}

    private final List<Name> names = new ArrayList<>();
    private int fixed;
    private int maxSlots;

    void addFixed(String name, DataType type, Kind kind, int source) {
        names.add(new Name(name, type, kind, names.size(), source));
        fixed = names.size();
        maxSlots = Math.max(maxSlots, names.size());
    }

    Name find(String name) {
        for (int i = names.size() - 1; i >= 0; i--) if (names.get(i).name().equals(name)) return names.get(i);
        return null;
    }

    Name declareLocal(String name, DataType type) {
        Name n = new Name(name, type, Kind.LOCAL, names.size(), -1);
        names.add(n);
        maxSlots = Math.max(maxSlots, names.size());
        return n;
    }

    /** The number of names now visible, to return to when a block ends. */
    int mark() { return names.size(); }

    void reset(int mark) {
        while (names.size() > Math.max(mark, fixed)) names.remove(names.size() - 1);
    }

    int slots() { return maxSlots; }

    List<Name> visible() { return List.copyOf(names); }

    Schema schema() {
        List<Field> fields = new ArrayList<>(names.size());
        for (Name n : names) fields.add(new Field(n.name(), n.type()));
        return new Schema(fields);
    }
}
