package dev.eddy.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * When a task has a checkpoint's barrier on every input channel, in one of Flink's three ways
 * (CheckpointBarrierHandler): {@link Mode#ALIGNED} holds back each channel whose barrier came
 * until all have come, so the snapshot holds exactly the records before the barriers
 * (exactly-once); {@link Mode#AT_LEAST_ONCE} holds nothing back (CheckpointBarrierTracker), so
 * records that overtook a slower channel's barrier are in the state and come again after a
 * restore; {@link Mode#UNALIGNED} snapshots at the first barrier and keeps the records still on
 * their way on the other channels as part of the checkpoint, to be fed in again at a restore.
 * A channel that has ended counts as having its barrier.
 */
public final class BarrierAligner {
    public enum Mode { ALIGNED, AT_LEAST_ONCE, UNALIGNED }

    /** What the task does when a checkpoint is due: snapshot, forward the barrier, acknowledge. */
    interface Actions {
        byte[] snapshot(long checkpointId);

        void forwardBarrier(long checkpointId);

        /** {@code held}: how many elements waited behind a barrier (aligned) for this checkpoint. */
        void acknowledge(long checkpointId, byte[] state, List<ChannelElement> inFlight, int held);

        void process(int channel, StreamElement e);
    }

    /** An element that was on its way when an unaligned checkpoint was taken. */
    public record ChannelElement(int channel, StreamElement element) {}

    private final Mode mode;
    private final boolean[] ended;
    private final boolean[] arrived;
    private final ArrayDeque<StreamElement>[] held;
    private final Actions actions;
    private long current = -1;
    private int arrivedCount;
    private int heldCount;
    private byte[] earlySnapshot;
    private final List<ChannelElement> inFlight = new ArrayList<>();

    @SuppressWarnings("unchecked")
    BarrierAligner(Mode mode, boolean[] ended, Actions actions) {
        this.mode = mode;
        this.ended = ended;
        this.arrived = new boolean[ended.length];
        this.held = new ArrayDeque[ended.length];
        for (int i = 0; i < held.length; i++) held[i] = new ArrayDeque<>();
        this.actions = actions;
    }

    /** Whether {@code e}, arriving on {@code channel}, was taken care of here (held back or a barrier). */
    boolean intercept(int channel, StreamElement e) {
        if (aligning() && mode == Mode.ALIGNED && arrived[channel]) {
            held[channel].add(e);
            heldCount++;
            return true;
        }
        if (e instanceof StreamElement.Barrier b) {
            barrier(channel, b.checkpointId());
            return true;
        }
        if (aligning() && mode == Mode.UNALIGNED && !arrived[channel] && !(e instanceof StreamElement.EndOfInput)) {
            inFlight.add(new ChannelElement(channel, e));
        }
        return false;
    }

    private boolean aligning() { return current >= 0; }

    private void barrier(int channel, long id) {
        if (id < current || (id == current && arrived[channel])) return;
        if (id > current) {
            if (aligning()) release();  // a newer checkpoint overtook one that never completed: that one is dropped
            current = id;
            arrivedCount = 0;
            java.util.Arrays.fill(arrived, false);
            for (int c = 0; c < ended.length; c++) {
                if (ended[c]) {
                    arrived[c] = true;
                    arrivedCount++;
                }
            }
            if (mode == Mode.UNALIGNED) {
                earlySnapshot = actions.snapshot(id);
                actions.forwardBarrier(id);
            }
        }
        if (!arrived[channel]) {
            arrived[channel] = true;
            arrivedCount++;
        }
        completeIfAligned();
    }

    /** A channel ended: it needs no barrier any more. */
    void channelEnded(int channel) {
        if (!aligning() || arrived[channel]) return;
        arrived[channel] = true;
        arrivedCount++;
        completeIfAligned();
    }

    private void completeIfAligned() {
        if (arrivedCount < arrived.length) return;
        long id = current;
        if (mode == Mode.UNALIGNED) {
            actions.acknowledge(id, earlySnapshot, List.copyOf(inFlight), 0);
        } else {
            byte[] state = actions.snapshot(id);
            actions.forwardBarrier(id);
            actions.acknowledge(id, state, List.of(), heldCount);
        }
        release();
    }

    /** Ends the alignment and lets what was held back through, channel by channel, in order. */
    private void release() {
        current = -1;
        arrivedCount = 0;
        heldCount = 0;
        earlySnapshot = null;
        inFlight.clear();
        java.util.Arrays.fill(arrived, false);
        for (int c = 0; c < held.length; c++) {
            while (!held[c].isEmpty()) {
                StreamElement e = held[c].poll();
                if (!intercept(c, e)) actions.process(c, e);
                // A later barrier held back on this channel starts the next alignment: stop releasing here.
                if (aligning() && arrived[c]) break;
            }
        }
    }
}
