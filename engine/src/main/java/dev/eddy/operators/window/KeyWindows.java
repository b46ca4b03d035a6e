package dev.eddy.operators.window;

import dev.eddy.checkpoint.StateReader;
import dev.eddy.checkpoint.StateWriter;
import dev.eddy.operators.Aggregates;
import dev.eddy.types.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The open windows of one key, one {@link Slot} per window: what Flink keeps in separate state
 * namespaces (the window's contents, its trigger's state) sits together, so a record costs one
 * lookup per window. Contents are keyed by the state window, trigger state and timers by the
 * actual window; for every assigner but sessions the two are the same window. For sessions they
 * share one map safely: a session's state window lies inside its actual window, and sessions of
 * one key never overlap, so equal windows always belong to the same session.
 */
final class KeyWindows {
    private static final long NONE = Long.MIN_VALUE;

    /** One (key, window): contents, trigger state, and the timers known to be registered for it. */
    static final class Slot {
        Object contents;
        Map<String, Object> triggerState;
        /**
         * A cache of up to two registered event-time timers and one processing-time timer, so
         * that the trigger's timer and the cleanup timer, asked for on every element as in Flink,
         * are registered with the timer service only the first time. Never wrong, only forgetful:
         * a timer is forgotten when it fires or is deleted, and a slot dropped takes its cache along.
         */
        private long eventA = NONE, eventB = NONE, processing = NONE;

        boolean isEmpty() { return contents == null && triggerState == null; }

        /** True when the timer was not known to be registered; it is from now on. */
        boolean rememberEventTimer(long t) {
            if (t == NONE) return true;
            if (t == eventA || t == eventB) return false;
            if (eventA == NONE) eventA = t;
            else eventB = t;
            return true;
        }

        void forgetEventTimer(long t) {
            if (t == eventA) eventA = NONE;
            if (t == eventB) eventB = NONE;
        }

        boolean rememberProcessingTimer(long t) {
            if (t == NONE) return true;
            if (t == processing) return false;
            processing = t;
            return true;
        }

        void forgetProcessingTimer(long t) {
            if (t == processing) processing = NONE;
        }
    }

    private final SlotTable slots = new SlotTable();
    MergingWindowSet merging;

    Slot slot(Window w) { return slots.get(w); }

    Slot slotOrNew(Window w) { return slots.getOrCreate(w); }

    Object contents(Window stateWindow) {
        Slot s = slots.get(stateWindow);
        return s == null ? null : s.contents;
    }

    /** Takes the contents away (for a merge, a purge or a cleanup); returns what was there. */
    Object removeContents(Window stateWindow) {
        Slot s = slots.get(stateWindow);
        if (s == null) return null;
        Object c = s.contents;
        s.contents = null;
        if (s.isEmpty()) slots.remove(stateWindow);
        return c;
    }

    void putContents(Window stateWindow, Object contents) { slotOrNew(stateWindow).contents = contents; }

    Map<String, Object> triggerState(Window w) {
        Slot s = slots.get(w);
        return s == null ? null : s.triggerState;
    }

    void setTriggerState(Window w, String name, Object value) {
        Slot s = slotOrNew(w);
        if (s.triggerState == null) s.triggerState = new HashMap<>(4);
        s.triggerState.put(name, value);
    }

    void clearTriggerState(Window w, String name) {
        Slot s = slots.get(w);
        if (s == null || s.triggerState == null) return;
        s.triggerState.remove(name);
        if (s.triggerState.isEmpty()) s.triggerState = null;
        if (s.isEmpty()) slots.remove(w);
    }

    /** Each window that holds contents, named as the trigger and the observations see it (a session's actual window). */
    void forEachWithContents(java.util.function.BiConsumer<Window, Object> action) {
        if (merging != null) {
            merging.forEach((actual, state) -> {
                Object c = contents(state);
                if (c != null) action.accept(actual, c);
            });
        } else {
            slots.forEach((w, s) -> {
                if (s.contents != null) action.accept(w, s.contents);
            });
        }
    }

    boolean isEmpty() { return slots.isEmpty() && (merging == null || merging.isEmpty()); }

    /** Writes each window's contents and trigger state, and the session mapping; the timer caches are left to refill. */
    void write(StateWriter out) {
        out.writeInt(slots.size());
        slots.forEach((w, s) -> {
            writeWindow(out, w);
            writeContents(out, s.contents);
            out.writeValue(s.triggerState);
        });
        out.writeBoolean(merging != null);
        if (merging != null) merging.write(out);
    }

    static KeyWindows read(StateReader in) {
        KeyWindows ks = new KeyWindows();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Slot s = ks.slotOrNew(readWindow(in));
            s.contents = readContents(in);
            @SuppressWarnings("unchecked")
            Map<String, Object> trigger = (Map<String, Object>) in.readValue();
            s.triggerState = trigger == null ? null : new HashMap<>(trigger);
        }
        if (in.readBoolean()) ks.merging = MergingWindowSet.read(in);
        return ks;
    }

    static void writeWindow(StateWriter out, Object w) {
        out.writeBoolean(w instanceof Window.GlobalWindow);
        if (w instanceof Window.TimeWindow t) out.writeLong(t.start()).writeLong(t.end());
    }

    static Window readWindow(StateReader in) {
        if (in.readBoolean()) return Window.GlobalWindow.INSTANCE;
        long start = in.readLong();
        return new Window.TimeWindow(start, in.readLong());
    }

    private static final int NONE_KEPT = 0, ACCUMULATOR = 1, FOLDED_ROW = 2, ELEMENTS = 3;

    private static void writeContents(StateWriter out, Object c) {
        if (c == null) {
            out.writeInt(NONE_KEPT);
        } else if (c instanceof Aggregates.Acc acc) {
            out.writeInt(ACCUMULATOR);
            acc.write(out);
        } else if (c instanceof Row r) {
            out.writeInt(FOLDED_ROW).writeValue(r);
        } else {
            @SuppressWarnings("unchecked")
            List<TimestampedRow> elements = (List<TimestampedRow>) c;
            out.writeInt(ELEMENTS).writeInt(elements.size());
            for (TimestampedRow e : elements) out.writeValue(e.row()).writeLong(e.timestamp());
        }
    }

    private static Object readContents(StateReader in) {
        switch (in.readInt()) {
            case NONE_KEPT: return null;
            case ACCUMULATOR: return Aggregates.Acc.read(in);
            case FOLDED_ROW: return in.readRow();
            default: {
                int n = in.readInt();
                List<TimestampedRow> elements = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Row r = in.readRow();
                    elements.add(new TimestampedRow(r, in.readLong()));
                }
                return elements;
            }
        }
    }
}
