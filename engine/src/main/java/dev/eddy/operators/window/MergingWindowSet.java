package dev.eddy.operators.window;

import dev.eddy.operators.window.Window.TimeWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session windows of one key, as Flink's MergingWindowSet keeps them: each window maps to
 * the window whose namespace physically holds its contents (the "state window"), which stays put
 * when windows merge, so only the other merged windows' contents have to move.
 */
final class MergingWindowSet {
    /** Told about each merge: the result, the windows it swallowed, and where their state lives. */
    interface MergeFunction {
        void merge(TimeWindow mergeResult, Collection<TimeWindow> mergedWindows, TimeWindow stateWindowResult,
                   Collection<TimeWindow> mergedStateWindows);
    }

    // Hash-ordered as in Flink: which merged window keeps the state follows these iteration orders.
    private final Map<TimeWindow, TimeWindow> mapping = new HashMap<>();

    TimeWindow stateWindow(Window w) { return mapping.get(w); }

    void retireWindow(TimeWindow w) {
        if (mapping.remove(w) == null) throw new IllegalStateException("window " + w + " is not in the merging window set");
    }

    boolean isEmpty() { return mapping.isEmpty(); }

    /** Each session window with the window that holds its state. */
    void forEach(java.util.function.BiConsumer<TimeWindow, TimeWindow> action) { mapping.forEach(action); }

    void write(dev.eddy.checkpoint.StateWriter out) {
        out.writeInt(mapping.size());
        mapping.forEach((w, state) -> out.writeLong(w.start()).writeLong(w.end()).writeLong(state.start()).writeLong(state.end()));
    }

    static MergingWindowSet read(dev.eddy.checkpoint.StateReader in) {
        MergingWindowSet set = new MergingWindowSet();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            TimeWindow w = new TimeWindow(in.readLong(), in.readLong());
            set.mapping.put(w, new TimeWindow(in.readLong(), in.readLong()));
        }
        return set;
    }

    /** MergingWindowSet#addWindow: returns the window the new element now belongs to. */
    TimeWindow addWindow(TimeWindow newWindow, MergeFunction mergeFunction) {
        List<TimeWindow> windows = new ArrayList<>(mapping.keySet());
        windows.add(newWindow);
        Map<TimeWindow, Set<TimeWindow>> mergeResults = mergeWindows(windows);
        TimeWindow resultWindow = newWindow;
        boolean mergedNewWindow = false;
        for (Map.Entry<TimeWindow, Set<TimeWindow>> m : mergeResults.entrySet()) {
            TimeWindow mergeResult = m.getKey();
            Set<TimeWindow> mergedWindows = m.getValue();
            if (mergedWindows.remove(newWindow)) {
                mergedNewWindow = true;
                resultWindow = mergeResult;
            }
            TimeWindow mergedStateWindow = mapping.get(mergedWindows.iterator().next());
            List<TimeWindow> mergedStateWindows = new ArrayList<>();
            for (TimeWindow mw : mergedWindows) {
                TimeWindow s = mapping.remove(mw);
                if (s != null) mergedStateWindows.add(s);
            }
            mapping.put(mergeResult, mergedStateWindow);
            mergedStateWindows.remove(mergedStateWindow);
            // Merging one window into itself (a new window inside an existing one) is no merge.
            if (!(mergedWindows.contains(mergeResult) && mergedWindows.size() == 1)) {
                mergeFunction.merge(mergeResult, mergedWindows, mapping.get(mergeResult), mergedStateWindows);
            }
        }
        if (mergeResults.isEmpty() || (resultWindow.equals(newWindow) && !mergedNewWindow)) {
            mapping.put(resultWindow, resultWindow);
        }
        return resultWindow;
    }

    /**
     * TimeWindow#mergeWindows: sort by start, sweep, grow a group while the next window
     * intersects its cover (touching counts); only groups of two or more are merges.
     */
    static Map<TimeWindow, Set<TimeWindow>> mergeWindows(List<TimeWindow> windows) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::start));
        Map<TimeWindow, Set<TimeWindow>> out = new HashMap<>();
        TimeWindow cover = null;
        Set<TimeWindow> group = null;
        for (TimeWindow w : sorted) {
            if (cover != null && cover.intersects(w)) {
                cover = cover.cover(w);
                group.add(w);
            } else {
                if (group != null && group.size() > 1) out.put(cover, group);
                cover = w;
                group = new HashSet<>();
                group.add(w);
            }
        }
        if (group != null && group.size() > 1) out.put(cover, group);
        return out;
    }
}
