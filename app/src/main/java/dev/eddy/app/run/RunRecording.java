package dev.eddy.app.run;

import dev.eddy.observe.Observation;
import dev.eddy.observe.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded run: every observation the UI drained, in order, so the time slider can show any
 * instant again by replaying the record up to it into freshly reset views. Record samples beyond
 * a budget are kept one in N, so a long run stays within memory; watermarks,
 * firings, late records and counters are always kept.
 */
public final class RunRecording {
    private static final int SAMPLE_BUDGET = 400_000;

    private final List<Observation> all = new ArrayList<>();
    private long samplesSeen;
    private long samplesKept;

    /** Appends what a frame drained; returns what was kept, for the views to take in. */
    public List<Observation> append(List<Observation> drained) {
        List<Observation> kept = new ArrayList<>(drained.size());
        for (Observation o : drained) {
            if (Subscription.isSample(o)) {
                samplesSeen++;
                long every = 1 + samplesSeen / SAMPLE_BUDGET;
                if (samplesSeen % every != 0) continue;
                samplesKept++;
            }
            all.add(o);
            kept.add(o);
        }
        return kept;
    }

    public int size() { return all.size(); }

    /** Record samples left out to stay within the budget. */
    public long samplesDropped() { return samplesSeen - samplesKept; }

    public List<Observation> upTo(int end) { return all.subList(0, Math.min(end, all.size())); }

    /** The processing time of the last observation, or 0. */
    public long lastTime() { return all.isEmpty() ? 0 : all.get(all.size() - 1).time(); }

    public long firstTime() { return all.isEmpty() ? 0 : all.get(0).time(); }

    /** How many observations happened at or before the processing time (binary search: times never decrease). */
    public int countAtOrBefore(long time) {
        int lo = 0, hi = all.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).time() <= time) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public void clear() {
        all.clear();
        samplesSeen = 0;
        samplesKept = 0;
    }
}
