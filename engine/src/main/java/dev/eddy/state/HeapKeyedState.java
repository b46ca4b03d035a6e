package dev.eddy.state;

import dev.eddy.observe.KeyedStateSnapshot;
import dev.eddy.checkpoint.StateReader;
import dev.eddy.checkpoint.StateWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keyed state on the heap, as Flink's HashMapStateBackend keeps it: per key, one slot per
 * declared state. With a time-to-live every value, list element and map entry carries the
 * processing time it was last written (or read, with refresh on read); an expired one is dropped
 * when it is next touched, and never returned. A key whose states are all empty is forgotten.
 */
public final class HeapKeyedState implements KeyedState {
    /** A stored value with the time it was last written or refreshed. */
    private static final class Stamped {
        final Object value;
        long at;

        Stamped(Object value, long at) {
            this.value = value;
            this.at = at;
        }
    }

    private final List<StateSpec> specs;
    private final LongSupplier processingTime;
    private final Map<Object, Object[]> byKey = new HashMap<>();
    private Object currentKey;
    private Object[] current;

    public HeapKeyedState(List<StateSpec> specs, LongSupplier processingTime) {
        this.specs = List.copyOf(specs);
        this.processingTime = processingTime;
    }

    public List<StateSpec> specs() { return specs; }

    @Override
    public void setCurrentKey(Object key) {
        if (current != null && isEmpty(current)) byKey.remove(currentKey);
        currentKey = key;
        current = byKey.get(key);
    }

    @Override
    public Object currentKey() { return currentKey; }

    /** How many keys hold some state. */
    public int keyCount() {
        if (current != null && isEmpty(current)) byKey.remove(currentKey);
        return byKey.size();
    }

    /** Every stored value, list element and map entry, expired ones not yet dropped included. */
    public long entryCount() {
        long n = 0;
        for (Object[] slots : byKey.values()) {
            for (Object s : slots) {
                if (s instanceof Stamped) n++;
                else if (s instanceof List<?> l) n += l.size();
                else if (s instanceof Map<?, ?> m) n += m.size();
            }
        }
        return n;
    }

    /** Writes every key's states with the times they were written, expired ones not yet dropped included (as Flink's full snapshots). */
    @SuppressWarnings("unchecked")
    public void snapshot(StateWriter out) {
        if (current != null && isEmpty(current)) byKey.remove(currentKey);
        out.writeInt(byKey.size());
        for (Map.Entry<Object, Object[]> e : byKey.entrySet()) {
            out.writeValue(e.getKey());
            for (Object slot : e.getValue()) {
                if (slot == null) {
                    out.writeInt(-1);
                } else if (slot instanceof Stamped st) {
                    out.writeInt(0).writeValue(st.value).writeLong(st.at);
                } else if (slot instanceof List<?> l) {
                    out.writeInt(1).writeInt(l.size());
                    for (Object o : l) out.writeValue(((Stamped) o).value).writeLong(((Stamped) o).at);
                } else {
                    Map<Object, Stamped> m = (Map<Object, Stamped>) slot;
                    out.writeInt(2).writeInt(m.size());
                    for (Map.Entry<Object, Stamped> me : m.entrySet()) out.writeValue(me.getKey()).writeValue(me.getValue().value).writeLong(me.getValue().at);
                }
            }
        }
    }

    /** Takes back what {@link #snapshot} wrote, into an empty state. */
    public void restore(StateReader in) {
        int keys = in.readInt();
        for (int k = 0; k < keys; k++) {
            Object key = in.readValue();
            Object[] slots = new Object[specs.size()];
            for (int i = 0; i < slots.length; i++) {
                int kind = in.readInt();
                if (kind == 0) {
                    Object v = in.readValue();
                    slots[i] = new Stamped(v, in.readLong());
                } else if (kind == 1) {
                    int n = in.readInt();
                    List<Stamped> l = new ArrayList<>(n);
                    for (int j = 0; j < n; j++) {
                        Object v = in.readValue();
                        l.add(new Stamped(v, in.readLong()));
                    }
                    slots[i] = l;
                } else if (kind == 2) {
                    int n = in.readInt();
                    Map<Object, Stamped> m = new HashMap<>();
                    for (int j = 0; j < n; j++) {
                        Object mk = in.readValue();
                        Object v = in.readValue();
                        m.put(mk, new Stamped(v, in.readLong()));
                    }
                    slots[i] = m;
                }
            }
            byKey.put(key, slots);
        }
        currentKey = null;
        current = null;
    }

    /**
     * What every key holds as a program would read it at {@code now}, without dropping or
     * refreshing anything: looking must not change the run. Keys without a live value are left out.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<Object, List<KeyedStateSnapshot.StateValue>> peek(long now) {
        Map<Object, List<KeyedStateSnapshot.StateValue>> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<Object, Object[]> e : byKey.entrySet()) {
            List<KeyedStateSnapshot.StateValue> states = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                StateSpec spec = specs.get(i);
                StateTtl ttl = spec.ttl();
                Object slot = e.getValue()[i];
                Object value = null;
                long earliest = Long.MAX_VALUE;
                if (slot instanceof Stamped st) {
                    if (ttl == null || !ttl.expired(st.at, now)) {
                        value = st.value;
                        earliest = st.at;
                    }
                } else if (slot instanceof List<?> l) {
                    List<Object> live = new ArrayList<>();
                    for (Object o : l) {
                        Stamped st = (Stamped) o;
                        if (ttl != null && ttl.expired(st.at, now)) continue;
                        live.add(st.value);
                        earliest = Math.min(earliest, st.at);
                    }
                    if (!live.isEmpty()) value = Collections.unmodifiableList(live);
                } else if (slot instanceof Map<?, ?> m) {
                    java.util.TreeMap<Object, Object> live = new java.util.TreeMap<>((a, b) -> ((Comparable) a).compareTo(b));
                    for (Map.Entry<?, ?> me : m.entrySet()) {
                        Stamped st = (Stamped) me.getValue();
                        if (ttl != null && ttl.expired(st.at, now)) continue;
                        live.put(me.getKey(), st.value);
                        earliest = Math.min(earliest, st.at);
                    }
                    if (!live.isEmpty()) value = Collections.unmodifiableMap(live);
                }
                if (value == null) continue;
                Long expiresAt = ttl == null ? null : ttl.expiresAt(earliest);
                states.add(new KeyedStateSnapshot.StateValue(spec.name(), spec.kind().name().toLowerCase(java.util.Locale.ROOT),
                        value, expiresAt));
            }
            if (!states.isEmpty()) out.put(e.getKey(), states);
        }
        return out;
    }

    @Override
    public Object value(int state) {
        Stamped s = (Stamped) slot(state);
        if (s == null) return null;
        StateTtl ttl = specs.get(state).ttl();
        if (ttl != null) {
            long now = processingTime.getAsLong();
            if (ttl.expired(s.at, now)) {
                current[state] = null;
                return null;
            }
            if (ttl.refreshOnRead()) s.at = now;
        }
        return s.value;
    }

    @Override
    public void update(int state, Object value) {
        if (value == null) {
            clear(state);
            return;
        }
        slots()[state] = new Stamped(value, processingTime.getAsLong());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object> list(int state) {
        List<Stamped> l = (List<Stamped>) slot(state);
        if (l == null) return List.of();
        StateTtl ttl = specs.get(state).ttl();
        long now = ttl == null ? 0 : processingTime.getAsLong();
        List<Object> out = new ArrayList<>(l.size());
        for (Iterator<Stamped> it = l.iterator(); it.hasNext(); ) {
            Stamped s = it.next();
            if (ttl != null && ttl.expired(s.at, now)) {
                it.remove();
                continue;
            }
            if (ttl != null && ttl.refreshOnRead()) s.at = now;
            out.add(s.value);
        }
        if (l.isEmpty()) current[state] = null;
        return Collections.unmodifiableList(out);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(int state, Object element) {
        Object[] slots = slots();
        if (slots[state] == null) slots[state] = new ArrayList<Stamped>();
        ((List<Stamped>) slots[state]).add(new Stamped(element, processingTime.getAsLong()));
    }

    @Override
    public void updateList(int state, List<Object> elements) {
        if (elements.isEmpty()) {
            clear(state);
            return;
        }
        long now = processingTime.getAsLong();
        List<Stamped> l = new ArrayList<>(elements.size());
        for (Object e : elements) l.add(new Stamped(e, now));
        slots()[state] = l;
    }

    @Override
    public Object get(int state, Object mapKey) {
        Stamped s = entry(state, mapKey);
        return s == null ? null : s.value;
    }

    @Override
    public boolean contains(int state, Object mapKey) { return entry(state, mapKey) != null; }

    @Override
    @SuppressWarnings("unchecked")
    public void put(int state, Object mapKey, Object value) {
        if (value == null) {
            remove(state, mapKey);
            return;
        }
        Object[] slots = slots();
        if (slots[state] == null) slots[state] = new HashMap<Object, Stamped>();
        ((Map<Object, Stamped>) slots[state]).put(mapKey, new Stamped(value, processingTime.getAsLong()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void remove(int state, Object mapKey) {
        Map<Object, Stamped> m = (Map<Object, Stamped>) slot(state);
        if (m == null) return;
        m.remove(mapKey);
        if (m.isEmpty()) current[state] = null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Object> keys(int state) {
        Map<Object, Stamped> m = (Map<Object, Stamped>) slot(state);
        if (m == null) return List.of();
        StateTtl ttl = specs.get(state).ttl();
        long now = ttl == null ? 0 : processingTime.getAsLong();
        List<Object> out = new ArrayList<>(m.size());
        for (Iterator<Map.Entry<Object, Stamped>> it = m.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Object, Stamped> e = it.next();
            if (ttl != null && ttl.expired(e.getValue().at, now)) {
                it.remove();
                continue;
            }
            if (ttl != null && ttl.refreshOnRead()) e.getValue().at = now;
            out.add(e.getKey());
        }
        if (m.isEmpty()) current[state] = null;
        out.sort((a, b) -> ((Comparable) a).compareTo(b));
        return out;
    }

    @Override
    public void clear(int state) {
        if (current != null) current[state] = null;
    }

    @SuppressWarnings("unchecked")
    private Stamped entry(int state, Object mapKey) {
        Map<Object, Stamped> m = (Map<Object, Stamped>) slot(state);
        if (m == null) return null;
        Stamped s = m.get(mapKey);
        if (s == null) return null;
        StateTtl ttl = specs.get(state).ttl();
        if (ttl != null) {
            long now = processingTime.getAsLong();
            if (ttl.expired(s.at, now)) {
                m.remove(mapKey);
                if (m.isEmpty()) current[state] = null;
                return null;
            }
            if (ttl.refreshOnRead()) s.at = now;
        }
        return s;
    }

    private Object slot(int state) {
        requireKey();
        return current == null ? null : current[state];
    }

    private Object[] slots() {
        requireKey();
        if (current == null) {
            current = new Object[specs.size()];
            byKey.put(currentKey, current);
        }
        return current;
    }

    private void requireKey() {
        if (currentKey == null) throw new IllegalStateException("keyed state used without a current key");
    }

    private static boolean isEmpty(Object[] slots) {
        for (Object s : slots) if (s != null) return false;
        return true;
    }
}
