package dev.eddy.runtime.driver;

import dev.eddy.observe.Observation;
import dev.eddy.runtime.BarrierAligner;
import dev.eddy.runtime.JobEnvironment;
import dev.eddy.runtime.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The parallel driver's checkpoint coordinator (Flink's CheckpointCoordinator): it triggers a
 * checkpoint at the sources, which snapshot and send barriers downstream, collects every task's
 * acknowledgement, and once all have acknowledged declares the checkpoint complete and tells every
 * task, whose transactional sinks then commit. One checkpoint at a time, as Flink's default
 * max-concurrent-checkpoints of 1. A task that has finished acknowledges with the snapshot it left.
 */
final class BarrierCheckpoints implements Task.Acknowledger {
    /** A completed checkpoint: every task's state, and for unaligned ones what was on its way to it. */
    record Completed(long id, List<byte[]> states, List<List<BarrierAligner.ChannelElement>> inFlight) {}

    private final List<Task> tasks;
    private final JobEnvironment env;
    private final LongSupplier clock;
    private final Function<Task, Mailbox> mailboxes;
    private final Map<Task, Integer> index = new HashMap<>();
    private final Map<Task, byte[]> finished = new HashMap<>();
    private long pendingId = -1;
    private byte[][] states;
    private List<List<BarrierAligner.ChannelElement>> inFlight;
    private int acknowledged;
    private long lastId;
    private Completed completed;

    BarrierCheckpoints(List<Task> tasks, JobEnvironment env, LongSupplier clock, Function<Task, Mailbox> mailboxes, long lastId,
                       Completed restoredFrom) {
        this.tasks = tasks;
        this.env = env;
        this.clock = clock;
        this.mailboxes = mailboxes;
        this.lastId = lastId;
        this.completed = restoredFrom;
        for (int i = 0; i < tasks.size(); i++) index.put(tasks.get(i), i);
    }

    /** Starts the next checkpoint at the sources; false while the last one is still under way. */
    synchronized boolean trigger() {
        if (pendingId >= 0) return false;
        long id = ++lastId;
        pendingId = id;
        states = new byte[tasks.size()][];
        inFlight = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) inFlight.add(List.of());
        acknowledged = 0;
        env.observations().publish(new Observation.CheckpointTriggered(clock.getAsLong(), id));
        for (Map.Entry<Task, byte[]> f : new ArrayList<>(finished.entrySet())) acknowledge(f.getKey(), id, f.getValue(), List.of());
        for (Task t : tasks) {
            if (!t.isSource() || finished.containsKey(t)) continue;
            mailboxes.apply(t).post(() -> {
                if (!t.isFinished()) t.triggerCheckpoint(id);
            });
        }
        return true;
    }

    /** A task finished: it acknowledges this and every later checkpoint with what it left. */
    synchronized void finished(Task t, byte[] state) {
        finished.put(t, state);
        if (pendingId >= 0) acknowledge(t, pendingId, state, List.of());
    }

    @Override
    public synchronized void acknowledge(Task task, long checkpointId, byte[] state, List<BarrierAligner.ChannelElement> channels) {
        if (checkpointId != pendingId) return;
        int i = index.get(task);
        if (states[i] != null) return;
        states[i] = state;
        inFlight.set(i, channels);
        if (++acknowledged < tasks.size()) return;
        long bytes = 0;
        for (byte[] b : states) bytes += b.length;
        completed = new Completed(checkpointId, List.of(states), List.copyOf(inFlight));
        pendingId = -1;
        env.observations().publish(new Observation.CheckpointCompleted(clock.getAsLong(), checkpointId, bytes));
        for (Task t : tasks) mailboxes.apply(t).post(() -> t.notifyCheckpointComplete(checkpointId));
    }

    /** The attempt failed: the checkpoint under way, if any, will never complete. */
    synchronized void abort(String reason) {
        if (pendingId < 0) return;
        env.observations().publish(new Observation.CheckpointAborted(clock.getAsLong(), pendingId, reason));
        pendingId = -1;
    }

    /** The last completed checkpoint, or the one the attempt started from; null when there is none. */
    synchronized Completed lastCompleted() { return completed; }

    synchronized long lastId() { return lastId; }
}
