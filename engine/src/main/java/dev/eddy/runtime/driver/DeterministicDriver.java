package dev.eddy.runtime.driver;

import dev.eddy.observe.JobState;
import dev.eddy.runtime.ChannelWriter;
import dev.eddy.runtime.ExecutionPlan;
import dev.eddy.runtime.FaultTolerance;
import dev.eddy.runtime.JobEnvironment;
import dev.eddy.runtime.JobSpec;
import dev.eddy.runtime.SourceReader;
import dev.eddy.runtime.StreamElement;
import dev.eddy.runtime.Task;
import dev.eddy.runtime.TaskTimers;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every task on the calling thread in one fixed order, with a virtual processing-time
 * clock, so that the same pipeline, input and seed give the same output and the same
 * observations every time, at any speed. One step lets one source emit one record (the source
 * whose record is due first; ties go to the source that has emitted least, then to plan order)
 * and then delivers everything that record causes, task by task in topological order. Commands
 * (a look into a window) run between two steps, and while the run waits or is paused.
 */
public final class DeterministicDriver extends AbstractDriver {
    private final long startTime;
    private long now;
    private final List<Task> sources = new ArrayList<>();
    private final List<Task> operators = new ArrayList<>();
    private LocalInbox[] inboxes;
    private boolean opened;
    private boolean done;
    private long checkpoints;
    private Checkpoint lastCheckpoint;
    private long nextCheckpointAt = Long.MIN_VALUE;
    private int restarts;
    private final InjectedFailures injected;
    private long startNanos;
    private final Mailbox mail;
    private dev.eddy.checkpoint.CheckpointDirectory directory;
    private dev.eddy.checkpoint.CompletedCheckpoint resumeFrom;
    private String resumedFrom;
    private java.nio.file.Path lastStored;

    public DeterministicDriver(JobSpec spec, JobEnvironment env, Pacer pacer, long startTime) {
        super(spec, env, pacer);
        this.startTime = startTime;
        this.now = startTime;
        this.mail = new Mailbox(pacer);
        this.injected = new InjectedFailures(spec.faultTolerance());
    }

    @Override
    protected Mailbox mailbox(Task task) { return mail; }

    @Override
    protected void closeMailboxes() { mail.close(); }

    @Override
    protected long now() { return now; }

    /** Keeps every completed checkpoint (and savepoints) in {@code dir}, to resume from in another process. */
    public void storeCheckpointsIn(dev.eddy.checkpoint.CheckpointDirectory dir) { this.directory = dir; }

    /** Starts the run from a stored checkpoint or savepoint instead of from the beginning; {@code from} names it. */
    public void resumeFrom(dev.eddy.checkpoint.CheckpointDirectory.Resume resume) {
        this.resumeFrom = resume.checkpoint();
        this.resumedFrom = resume.folder().toString();
        this.injected.alreadyHappened(resume.failuresInjected());
    }

    /** Builds and opens the tasks; called by the first step. */
    private void open() {
        startNanos = System.nanoTime();
        buildPlan();
        opened = true;
        publishState(JobState.RUNNING, null);
        try {
            if (resumeFrom != null) resume();
            else for (Task t : plan.tasks()) t.open();
        } catch (RuntimeException | StackOverflowError e) {
            fail(e, null);
            done = true;
        }
    }

    private void buildPlan() {
        inboxes = new LocalInbox[0];
        sources.clear();
        operators.clear();
        List<LocalInbox> list = new ArrayList<>();
        plan = ExecutionPlan.build(spec, env, (consumer, channel) -> {
            while (list.size() <= consumer.order()) list.add(new LocalInbox());
            LocalInbox box = list.get(consumer.order());
            return (ChannelWriter) e -> box.add(channel, e);
        }, () -> now);
        while (list.size() < plan.tasks().size()) list.add(new LocalInbox());
        inboxes = list.toArray(new LocalInbox[0]);
        for (Task t : plan.tasks()) (t.isSource() ? sources : operators).add(t);
    }

    /**
     * Opens every task restored from the stored checkpoint, with the clock, the checkpoint count and
     * the injected failure where they were when it was taken. The plan must have the same tasks.
     */
    private void resume() {
        dev.eddy.checkpoint.CompletedCheckpoint c = resumeFrom;
        refuseInBatch("resuming from a " + c.kind());
        List<String> names = plan.tasks().stream().map(Task::name).toList();
        if (!names.equals(c.taskNames())) {
            throw new dev.eddy.runtime.JobFailedException(null, "the " + c.kind() + " in " + resumedFrom
                    + " was taken of another pipeline: it holds the tasks " + c.taskNames() + ", and this pipeline runs " + names);
        }
        now = Math.max(now, c.time());
        checkpoints = c.id();
        lastCheckpoint = new Checkpoint(c.id(), c.tasks(), false);
        if (spec.faultTolerance().checkpoints()) nextCheckpointAt = now + spec.faultTolerance().checkpointInterval();
        openRestored(c.tasks(), false);
        env.observations().publish(new dev.eddy.observe.Observation.RestoredFromCheckpoint(now, c.id(), "resumed from " + resumedFrom));
    }

    /**
     * Every task's state at one step boundary, under its number; or, for an at-most-once restart,
     * only where each task stood when the run failed ({@code progressOnly}, id 0).
     */
    private record Checkpoint(long id, List<byte[]> tasks, boolean progressOnly) {}

    /**
     * Checkpoints every task. Between two steps no element is in flight (drain() delivered what
     * the last step caused), so the snapshots form a consistent cut: what aligned barriers make in
     * a distributed run, where records before the barrier are in the state and none after.
     */
    private Checkpoint checkpoint() { return checkpoint(false); }

    private Checkpoint checkpoint(boolean savepoint) {
        List<byte[]> snapshots = new ArrayList<>();
        long bytes = 0;
        long id = ++checkpoints;
        for (Task t : plan.tasks()) {
            byte[] b = t.snapshot(id);
            snapshots.add(b);
            bytes += b.length;
        }
        Checkpoint c = new Checkpoint(id, snapshots, false);
        // Complete once stored, as Flink's checkpoint is once its metadata is written; only then do sinks commit.
        if (directory != null) {
            lastStored = directory.store(new dev.eddy.checkpoint.CompletedCheckpoint(id, savepoint, now, injected.happened(),
                    plan.tasks().stream().map(Task::name).toList(), snapshots));
        }
        env.observations().publish(new dev.eddy.observe.Observation.CheckpointCompleted(now, c.id(), bytes));
        for (Task t : plan.tasks()) t.notifyCheckpointComplete(id);
        return c;
    }

    /**
     * Flink's stop-with-savepoint: between two steps, every task is checkpointed into a savepoint
     * in the checkpoint directory (its sinks commit), then the run stops. {@code done} gets the
     * savepoint's folder, or why there is none.
     */
    public void stopWithSavepoint(java.util.function.Consumer<Savepoint> done) {
        mail.post(() -> {
            if (this.done || directory == null || !opened || env.mode() == dev.eddy.model.RuntimeMode.BATCH) {
                done.accept(new Savepoint(null, "the run had ended, or keeps no checkpoint directory"));
                return;
            }
            Savepoint result;
            try {
                checkpoint(true);
                result = new Savepoint(lastStored, null);
            } catch (RuntimeException e) {
                result = new Savepoint(null, dev.eddy.runtime.Failures.describe(e));
            }
            cancel();
            done.accept(result);
        });
    }

    /** Where a savepoint was written, or why none was. */
    public record Savepoint(java.nio.file.Path folder, String error) {}

    /** Where every task stands now, without state: what an at-most-once restart goes on from. */
    private Checkpoint progress() {
        List<byte[]> snapshots = new ArrayList<>();
        for (Task t : plan.tasks()) snapshots.add(t.snapshotProgress());
        return new Checkpoint(0, snapshots, true);
    }

    /**
     * Throws every task away and builds the plan anew from the job, restored from the checkpoint
     * (sources rewound to their positions in it) or, without one, from the start. Counters go on.
     */
    private void rebuild(Checkpoint from, String reason) {
        java.util.Map<String, List<dev.eddy.observe.NodeMetrics>> counters = plan.metrics();
        for (Task t : plan.tasks()) t.close();
        buildPlan();
        reopen(counters, from == null ? null : from.tasks(), from != null && from.progressOnly());
        env.observations().publish(new dev.eddy.observe.Observation.RestoredFromCheckpoint(now, from == null ? 0 : from.id(), reason));
    }

    /** The scripted restore step: a checkpoint right here, and every task rebuilt from it. */
    private void checkpointAndRestore() {
        refuseInBatch("a {\"checkpoint\": \"restore\"} step");
        lastCheckpoint = checkpoint();
        rebuild(lastCheckpoint, "the script's restore step");
    }

    private void refuseInBatch(String what) {
        if (env.mode() == dev.eddy.model.RuntimeMode.BATCH) {
            throw new dev.eddy.runtime.JobFailedException(null, what + " cannot run in BATCH mode:"
                    + " a BATCH run takes no checkpoints (Flink runs a failed batch job's tasks again from their input)");
        }
    }

    /** settings.failAfterRecords and randomFailures: after the record that makes a count, the source's subtask fails. */
    private void injectFailureIfDue(Task source) {
        if (!injected.any()) return;
        long emitted = 0;
        for (Task t : sources) emitted += t.emitted();
        dev.eddy.runtime.JobFailedException due = injected.due(source, emitted);
        if (due == null) return;
        if (directory != null) directory.noteInjectedFailures(injected.happened());
        throw due;
    }

    /** When the next periodic checkpoint is due, or {@link TaskTimers#NONE}. */
    private long nextCheckpointTime() {
        FaultTolerance ft = spec.faultTolerance();
        if (!ft.checkpoints() || env.mode() == dev.eddy.model.RuntimeMode.BATCH) return TaskTimers.NONE;
        if (nextCheckpointAt == Long.MIN_VALUE) nextCheckpointAt = startTime + ft.checkpointInterval();
        return nextCheckpointAt;
    }

    /**
     * A failure: restart if the strategy has attempts left (Flink's fixed-delay strategy), after the
     * delay in processing time, from the last completed checkpoint. True when the run goes on.
     */
    private boolean restartAfter(Throwable failure) throws InterruptedException {
        FaultTolerance ft = spec.faultTolerance();
        if (restarts >= ft.restartAttempts() || canceled) return false;
        restarts++;
        String why = reasonOf(failure);
        publishState(JobState.RESTARTING, why);
        // At most once: nothing goes back; the sources go on from where they were, everything held is lost.
        boolean atMostOnce = ft.guarantee() == dev.eddy.model.DeliveryGuarantee.AT_MOST_ONCE;
        Checkpoint from = atMostOnce ? progress() : lastCheckpoint;
        long at = now + ft.restartDelay();
        pacer.awaitVirtualTime(at, mail);
        now = at;
        rebuild(from, "restart " + restarts + " of " + ft.restartAttempts() + " after: " + why
                + (atMostOnce ? " (at-most-once: with empty state, the sources going on from where they stopped)" : ""));
        publishState(JobState.RUNNING, null);
        return true;
    }

    public long currentTime() { return now; }

    /** Builds and opens the tasks without taking a step, so questions can be answered before the first one. */
    public void start() {
        if (!opened) open();
    }

    /**
     * Emits a record typed in by hand from the source node (its first subtask that still runs) and
     * delivers everything it causes. Runs on the driver's thread: post it through a run control.
     * False when the node is no source of this run or has finished.
     */
    public boolean inject(String sourceNode, dev.eddy.types.Row row, long timestamp) {
        if (!opened) open();
        if (done) return false;
        for (Task t : sources) {
            if (!t.nodeIds().get(0).equals(sourceNode)) continue;
            boolean took;
            try {
                took = t.inject(row, timestamp);
                drain();
            } catch (RuntimeException | StackOverflowError e) {
                fail(e, null);
                done = true;
                return false;
            }
            if (took) return true;
        }
        return false;
    }

    /** Publishes every subtask's counters as they are now, for live charts of throughput. */
    public void publishMetrics() {
        if (!opened) return;
        for (java.util.Map.Entry<String, java.util.List<dev.eddy.observe.NodeMetrics>> e : plan.metrics().entrySet()) {
            for (dev.eddy.observe.NodeMetrics m : e.getValue()) {
                env.observations().publish(new dev.eddy.observe.Observation.MetricsReported(now, m.node, m.subtask, m.snapshot()));
            }
        }
    }

    /** Answers posted questions, waiting up to the given time for one; for a caller that holds the run between steps. */
    void serveCommands(long waitMillis) throws InterruptedException {
        mail.runAll();
        synchronized (pacer) {
            if (mail.isEmpty()) pacer.wait(waitMillis);
        }
        mail.runAll();
    }

    void post(Runnable command) { mail.post(command); }

    /** Ends the run (at its end, or after a cancel) and reports its totals. */
    JobResult finish() {
        if (!opened) open();
        done = true;
        return result(startNanos);
    }

    public boolean isDone() { return done; }

    /**
     * One record from one source and everything it causes downstream. Returns false once the job
     * has ended (finished, failed or canceled).
     */
    public boolean step() {
        if (!opened) open();
        mail.runAll();
        boolean more = !done && !canceled && stepOnce();
        // Nothing runs the tasks any more: questions are answered on the asking thread from now on.
        if (!more) mail.close();
        return more;
    }

    private volatile String failureRequested;

    /**
     * Fails the run at its next step, as a machine that loses its power would: every task goes,
     * and the restart strategy decides what follows. Any thread may ask.
     */
    public void failNow(String why) { failureRequested = why; }

    private void failIfRequested() {
        String why = failureRequested;
        if (why == null) return;
        failureRequested = null;
        throw new dev.eddy.runtime.JobFailedException(null, why);
    }

    /** Canceled while waiting (a savepoint may just have been taken): nothing more is emitted. */
    private boolean stopped() {
        done = true;
        return false;
    }

    private boolean stepOnce() {
        try {
            failIfRequested();
            Task source = nextSource();
            if (source == null) {
                drain();
                done = true;
                return false;
            }
            long due = source.nextDueTime();
            long timer = nextTimer();
            long sourceAt = due == SourceReader.NOW || due < now ? now : due;
            long checkpointAt = nextCheckpointTime();
            if (checkpointAt != TaskTimers.NONE && checkpointAt <= sourceAt && checkpointAt <= timer) {
                // A periodic checkpoint is due before anything else happens: time moves there and it is taken.
                if (checkpointAt > now) {
                    pacer.awaitVirtualTime(checkpointAt, mail);
                    if (canceled) return stopped();
                failIfRequested();
                    now = checkpointAt;
                }
                lastCheckpoint = checkpoint();
                long interval = spec.faultTolerance().checkpointInterval();
                while (nextCheckpointAt <= now) nextCheckpointAt += interval;
                return true;
            }
            if (timer != TaskTimers.NONE && timer <= sourceAt) {
                // Processing time reaches a timer before the next record is due: fire it first.
                if (timer > now) {
                    pacer.awaitVirtualTime(timer, mail);
                    if (canceled) return stopped();
                failIfRequested();
                    now = timer;
                }
                for (Task t : plan.tasks()) t.fireTimers(now);
                drain();
                return true;
            }
            if (due != SourceReader.NOW && due > now) {
                pacer.awaitVirtualTime(due, mail);
                if (canceled) return stopped();
                failIfRequested();
                now = due;
            } else {
                pacer.awaitVirtualTime(now, mail);
                if (canceled) return stopped();
                failIfRequested();
            }
            SourceReader.Poll p = source.emitNext();
            if (p == SourceReader.Poll.NOTHING_YET) waitForLiveInput(source);
            drain();
            injectFailureIfDue(source);
            if (p == SourceReader.Poll.RESTORE) checkpointAndRestore();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            canceled = true;
            done = true;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError failure) {
            Throwable e = failure;
            try {
                if (restartAfter(failure)) return true;
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                canceled = true;
                done = true;
                return false;
            } catch (RuntimeException again) {
                // The rebuild itself failed (a checkpoint that cannot be restored): that ends the run.
                e = again;
            }
            fail(e, null);
            done = true;
        }
        return !done;
    }

    @Override
    public JobResult run() {
        if (!opened) open();
        while (!done) {
            if (canceled || !pacer.awaitRunning(mail)) {
                canceled = true;
                done = true;
                break;
            }
            step();
        }
        return result(startNanos);
    }

    private Task nextSource() {
        Task best = null;
        long bestDue = 0;
        for (Task t : sources) {
            if (t.isFinished()) continue;
            long due = t.nextDueTime();
            if (due == SourceReader.NOW || due < now) due = now;
            if (best == null || due < bestDue || (due == bestDue && t.emitted() < best.emitted())) {
                best = t;
                bestDue = due;
            }
        }
        return best;
    }

    private long nextTimer() {
        long next = TaskTimers.NONE;
        for (Task t : plan.tasks()) next = Math.min(next, t.nextTimerTime());
        return next;
    }

    /** A live source (socket) has nothing yet: let wall-clock time pass, and virtual time with it. */
    private void waitForLiveInput(Task source) throws InterruptedException {
        if (!source.isLive()) return;
        long before = System.nanoTime();
        Thread.sleep(1);
        now += Math.max(1, (System.nanoTime() - before) / 1_000_000);
    }

    private void drain() {
        for (Task t : operators) {
            LocalInbox box = inboxes[t.order()];
            while (!box.isEmpty()) {
                t.accept(box.peekChannel(), box.peekElement());
                box.remove();
            }
        }
    }

    /** A growable ring of (channel, element) pairs; single-threaded, no allocation per element. */
    private static final class LocalInbox {
        private int[] channels = new int[64];
        private StreamElement[] elements = new StreamElement[64];
        private int head;
        private int size;

        void add(int channel, StreamElement e) {
            if (size == elements.length) grow();
            int i = (head + size) & (elements.length - 1);
            channels[i] = channel;
            elements[i] = e;
            size++;
        }

        boolean isEmpty() { return size == 0; }

        int peekChannel() { return channels[head]; }

        StreamElement peekElement() { return elements[head]; }

        void remove() {
            elements[head] = null;
            head = (head + 1) & (elements.length - 1);
            size--;
        }

        private void grow() {
            int n = elements.length * 2;
            int[] c = new int[n];
            StreamElement[] e = new StreamElement[n];
            for (int i = 0; i < size; i++) {
                int j = (head + i) & (elements.length - 1);
                c[i] = channels[j];
                e[i] = elements[j];
            }
            channels = c;
            elements = e;
            head = 0;
        }
    }
}
