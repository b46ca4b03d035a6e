package dev.eddy.operators.window;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One key's slots by window. A key has a few windows open at a time (one or two tumbling, size /
 * slide sliding, a session or two), so they sit in arrays scanned by (start, end) without
 * touching the window objects; a hash map per key did, and its lookups were a third of a sliding
 * window's time in a profile, most of it waiting for memory. A key with many windows open (a
 * long window sliding in small steps) gets a hash map, so lookups stay constant time.
 */
final class SlotTable {
    private static final int LINEAR = 16;
    /** start and end of a window that is not a time window (the global window); no time window has end == start. */
    private static final long NOT_TIMED = Long.MIN_VALUE;

    private Window[] windows = new Window[4];
    private KeyWindows.Slot[] slots = new KeyWindows.Slot[4];
    private long[] starts = new long[4];
    private long[] ends = new long[4];
    private int size;
    private Map<Window, KeyWindows.Slot> map;

    private int indexOf(Window w) {
        long start = NOT_TIMED;
        long end = NOT_TIMED;
        if (w instanceof Window.TimeWindow t) {
            start = t.start();
            end = t.end();
        }
        for (int i = 0; i < size; i++) {
            if (starts[i] == start && ends[i] == end && (start != NOT_TIMED || windows[i].equals(w))) return i;
        }
        return -1;
    }

    KeyWindows.Slot get(Window w) {
        if (map != null) return map.get(w);
        int i = indexOf(w);
        return i < 0 ? null : slots[i];
    }

    KeyWindows.Slot getOrCreate(Window w) {
        KeyWindows.Slot s = get(w);
        if (s == null) {
            s = new KeyWindows.Slot();
            put(w, s);
        }
        return s;
    }

    private void put(Window w, KeyWindows.Slot s) {
        if (map != null) {
            map.put(w, s);
            return;
        }
        if (size == LINEAR) {
            map = new HashMap<>(LINEAR * 4);
            for (int i = 0; i < size; i++) map.put(windows[i], slots[i]);
            map.put(w, s);
            windows = null;
            slots = null;
            starts = null;
            ends = null;
            size = 0;
            return;
        }
        if (size == windows.length) {
            int n = size * 2;
            windows = java.util.Arrays.copyOf(windows, n);
            slots = java.util.Arrays.copyOf(slots, n);
            starts = java.util.Arrays.copyOf(starts, n);
            ends = java.util.Arrays.copyOf(ends, n);
        }
        boolean timed = w instanceof Window.TimeWindow;
        windows[size] = w;
        slots[size] = s;
        starts[size] = timed ? ((Window.TimeWindow) w).start() : NOT_TIMED;
        ends[size] = timed ? ((Window.TimeWindow) w).end() : NOT_TIMED;
        size++;
    }

    void remove(Window w) {
        if (map != null) {
            map.remove(w);
            return;
        }
        int i = indexOf(w);
        if (i < 0) return;
        int last = --size;
        windows[i] = windows[last];
        slots[i] = slots[last];
        starts[i] = starts[last];
        ends[i] = ends[last];
        windows[last] = null;
        slots[last] = null;
    }

    int size() { return map != null ? map.size() : size; }

    boolean isEmpty() { return size() == 0; }

    void forEach(BiConsumer<Window, KeyWindows.Slot> action) {
        if (map != null) {
            map.forEach(action);
            return;
        }
        for (int i = 0; i < size; i++) action.accept(windows[i], slots[i]);
    }
}
