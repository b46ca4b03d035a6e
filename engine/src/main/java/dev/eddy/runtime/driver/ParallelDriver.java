package dev.eddy.runtime.driver;

import dev.eddy.observe.JobState;
import dev.eddy.runtime.ChannelWriter;
import dev.eddy.runtime.ExecutionPlan;
import dev.eddy.runtime.JobEnvironment;
import dev.eddy.runtime.JobSpec;
import dev.eddy.runtime.SourceReader;
import dev.eddy.runtime.StreamElement;
import dev.eddy.runtime.Task;
import dev.eddy.runtime.TaskTimers;
import java.util.ArrayList;
import dev.eddy.runtime.BarrierAligner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs each task on a thread of its own, as Flink runs each subtask of a chain in its slot,
 * with bounded channels between them: a writer buffers elements into batches and blocks when
 * the receiver's queue is full, which slows the producer down (backpressure). Processing time
 * is the wall clock scaled by the pacer, starting at the given start time. With checkpoints a
 * coordinator triggers them at the sources and barriers travel with the records (aligned,
 * unaligned or not aligned, by the guarantee); a failed attempt stops every task, and the
 * restart strategy builds the plan again from the last completed checkpoint.
 */
public final class ParallelDriver extends AbstractDriver {
    static final int BATCH_SIZE = 512;
    static final int QUEUE_BATCHES = 16;

    private final long startTime;
    private long startNanos;
    private final Map<Task, BlockingQueue<Batch>> queues = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<Task, Mailbox> mailboxes = new java.util.concurrent.ConcurrentHashMap<>();
    /** Set when a task of the current attempt failed: the others stop, and the restart strategy decides. */
    private volatile Throwable attemptFailure;
    private volatile String attemptFailedTask;
    private volatile boolean aborting;
    private volatile BarrierCheckpoints checkpoints;
    private final java.util.concurrent.atomic.AtomicLong emittedInAll = new java.util.concurrent.atomic.AtomicLong();
    private final InjectedFailures injected;
    private int restarts;

    public ParallelDriver(JobSpec spec, JobEnvironment env, Pacer pacer, long startTime) {
        super(spec, env, pacer);
        this.injected = new InjectedFailures(spec.faultTolerance());
        this.startTime = startTime;
    }

    @Override
    protected long now() { return pacer.clock(); }

    @Override
    protected Mailbox mailbox(Task task) { return mailboxes.computeIfAbsent(task, t -> new Mailbox(pacer)); }

    @Override
    protected void closeMailboxes() {
        for (Task t : plan.tasks()) mailbox(t).close();
    }

    /** How barriers are handled, from the guarantee: aligned for exactly-once, none for at-least-once. */
    private BarrierAligner.Mode barrierMode() {
        if (spec.faultTolerance().guarantee() == dev.eddy.model.DeliveryGuarantee.AT_LEAST_ONCE) return BarrierAligner.Mode.AT_LEAST_ONCE;
        return spec.faultTolerance().unaligned() ? BarrierAligner.Mode.UNALIGNED : BarrierAligner.Mode.ALIGNED;
    }

    @Override
    public JobResult run() {
        startNanos = System.nanoTime();
        pacer.startClock(startTime);
        publishState(JobState.RUNNING, null);
        var ft = spec.faultTolerance();
        boolean barriers = ft.checkpoints() && env.mode() != dev.eddy.model.RuntimeMode.BATCH;
        BarrierCheckpoints.Completed from = null;
        List<byte[]> progress = null;
        long lastId = 0;
        String restartReason = null;
        while (true) {
            attemptFailure = null;
            aborting = false;
            if (!startAttempt(from, progress, lastId, barriers, restartReason)) break;
            joinAll();
            Throwable failure = attemptFailure;
            if (failure == null || canceled) break;
            if (barriers) {
                checkpoints.abort("the run failed while it was under way: " + reasonOf(failure));
                lastId = checkpoints.lastId();
                from = checkpoints.lastCompleted();
            }
            if (!restartAfter(failure)) {
                fail(failure, attemptFailedTask);
                break;
            }
            restartReason = "restart " + restarts + " of " + ft.restartAttempts() + " after: " + reasonOf(failure);
            // At most once: the sources go on from where they stopped, every operator starts empty.
            progress = ft.guarantee() == dev.eddy.model.DeliveryGuarantee.AT_MOST_ONCE ? progressOf(plan.tasks()) : null;
        }
        return result(startNanos);
    }

    /**
     * Builds the plan (again), restored from a checkpoint or from where the tasks stood, and starts
     * its threads. {@code restartReason} is null for the first attempt, and says why for a restart.
     */
    private boolean startAttempt(BarrierCheckpoints.Completed from, List<byte[]> progress, long lastId, boolean barriers,
                                 String restartReason) {
        var counters = plan == null ? null : plan.metrics();
        if (plan != null) for (Task t : plan.tasks()) t.close();
        queues.clear();
        mailboxes.clear();
        threads.clear();
        plan = ExecutionPlan.build(spec, env, this::writer, this::now);
        try {
            List<byte[]> states = from != null ? from.states() : progress;
            if (counters != null) reopen(counters, states, from == null);
            else openRestored(states, from == null);
            for (int i = 0; from != null && i < plan.tasks().size(); i++) {
                // Unaligned: what was on its way to the task when the checkpoint was taken comes in first.
                for (BarrierAligner.ChannelElement c : from.inFlight().get(i)) {
                    Batch b = new Batch(c.channel());
                    b.elements[b.size++] = c.element();
                    queue(plan.tasks().get(i)).add(b);
                }
            }
            long emitted = 0;
            for (Task t : plan.tasks()) if (t.isSource()) emitted += t.emitted();
            emittedInAll.set(emitted);
            if (barriers) {
                checkpoints = new BarrierCheckpoints(plan.tasks(), env, this::now, this::mailbox, lastId, from);
                for (Task t : plan.tasks()) t.takeBarriers(barrierMode(), checkpoints);
            }
            if (restartReason != null) {
                env.observations().publish(new dev.eddy.observe.Observation.RestoredFromCheckpoint(now(), from == null ? 0 : from.id(),
                        restartReason));
            }
        } catch (RuntimeException e) {
            fail(e, null);
            return false;
        }
        for (Task t : plan.tasks()) {
            Thread th = new Thread(() -> runTask(t), "eddy-" + t.name());
            th.setDaemon(true);
            threads.add(th);
        }
        if (barriers) {
            Thread coordinator = new Thread(this::coordinate, "eddy-checkpoint-coordinator");
            coordinator.setDaemon(true);
            threads.add(coordinator);
        }
        if (restartReason != null) publishState(JobState.RUNNING, null);
        threads.forEach(Thread::start);
        return true;
    }

    private void joinAll() {
        boolean interrupted = false;
        for (Thread th : threads) {
            while (th.isAlive()) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel();
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Fixed-delay restarts, as the deterministic driver's; the delay passes in processing time. */
    private boolean restartAfter(Throwable failure) {
        var ft = spec.faultTolerance();
        if (restarts >= ft.restartAttempts() || canceled) return false;
        restarts++;
        publishState(JobState.RESTARTING, reasonOf(failure));
        double speed = pacer.speed();
        long wait = Double.isInfinite(speed) ? 0 : (long) Math.ceil(ft.restartDelay() / speed);
        try {
            if (wait > 0) Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !canceled;
    }

    /** Where each task stood when the attempt stopped; read after its threads have ended. */
    private static List<byte[]> progressOf(List<Task> tasks) {
        List<byte[]> out = new ArrayList<>();
        for (Task t : tasks) out.add(t.snapshotProgress());
        return out;
    }

    /** Triggers a checkpoint every interval of processing time, until the attempt ends. */
    private void coordinate() {
        long interval = spec.faultTolerance().checkpointInterval();
        long next = now() + interval;
        while (!canceled && !aborting && !allTasksDone()) {
            try {
                if (now() < next || pacer.isPaused()) {
                    Thread.sleep(2);
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            if (checkpoints.trigger()) next = now() + interval;
        }
    }

    private boolean allTasksDone() {
        for (Thread th : threads) if (th.isAlive() && th != Thread.currentThread()) return false;
        return true;
    }

    @Override
    public void cancel() {
        super.cancel();
        threads.forEach(Thread::interrupt);
    }

    /** The first failure of an attempt stops its other tasks; the restart strategy decides after they have. */
    private synchronized void attemptFailed(Throwable e, Task t) {
        if (aborting) return;
        attemptFailure = e;
        attemptFailedTask = t.name();
        aborting = true;
        threads.forEach(th -> {
            if (th != Thread.currentThread()) th.interrupt();
        });
    }

    private synchronized BlockingQueue<Batch> queue(Task t) {
        return queues.computeIfAbsent(t, k -> new ArrayBlockingQueue<>(QUEUE_BATCHES));
    }

    private ChannelWriter writer(Task consumer, int channel) {
        BlockingQueue<Batch> q = queue(consumer);
        return new BatchingWriter(q, channel);
    }

    private void runTask(Task t) {
        try {
            if (t.isSource()) runSource(t, mailbox(t));
            else runOperators(t, mailbox(t));
            if (t.isFinished() && checkpoints != null && !aborting) checkpoints.finished(t, t.snapshot(Long.MAX_VALUE));
        } catch (InterruptedException | CanceledException e) {
            if (!aborting) canceled = canceled || !failed();
        } catch (Throwable e) {
            // Once canceled or stopping for a restart, what an interrupted read or write throws is part of stopping.
            if (canceled || aborting) return;
            attemptFailed(e, t);
        } finally {
            mailbox(t).close();
        }
    }

    private boolean stopping() { return canceled || failed() || aborting; }

    private void runSource(Task t, Mailbox mail) throws InterruptedException {
        while (!t.isFinished()) {
            if (stopping()) return;
            mail.runAll();
            if (pacer.isPaused()) {
                t.flush();
                if (!pacer.awaitRunning(mail)) throw new InterruptedException();
            }
            if (t.nextTimerTime() != TaskTimers.NONE) t.fireTimers(now());
            long due = t.nextDueTime();
            if (due != SourceReader.NOW && !Double.isInfinite(pacer.speed()) && due > now()) {
                t.flush();
                long waitMillis = (long) Math.ceil((due - now()) / pacer.speed());
                if (waitMillis > 0) Thread.sleep(Math.min(waitMillis, 50));
                continue;
            }
            SourceReader.Poll p = t.emitNext();
            if (p == SourceReader.Poll.RESTORE) {
                throw new dev.eddy.runtime.JobFailedException(t.nodeIds().get(0), "source \"" + t.nodeIds().get(0)
                        + "\" has a {\"checkpoint\": \"restore\"} step, which runs only in a deterministic run"
                        + " (one thread, virtual time: --driver deterministic, the default)");
            }
            if (p == SourceReader.Poll.EMITTED && injected.any()) {
                dev.eddy.runtime.JobFailedException fault = injected.due(t, emittedInAll.incrementAndGet());
                if (fault != null) throw fault;
            }
            if (p == SourceReader.Poll.NOTHING_YET) {
                t.flush();
                Thread.sleep(1);
            }
        }
    }

    private void runOperators(Task t, Mailbox mail) throws InterruptedException {
        BlockingQueue<Batch> q = queue(t);
        while (!t.isFinished()) {
            if (stopping()) return;
            mail.runAll();
            if (t.nextTimerTime() != TaskTimers.NONE) t.fireTimers(now());
            Batch b = q.poll();
            if (b == null) {
                t.flush();
                b = q.poll(pollMillis(t), TimeUnit.MILLISECONDS);
                if (b == null) continue;
            }
            for (int i = 0; i < b.size; i++) t.accept(b.channel, b.elements[i]);
        }
    }

    /** How long an idle task may wait for input before its next processing-time timer is due. */
    private long pollMillis(Task t) {
        long next = t.nextTimerTime();
        if (next == TaskTimers.NONE) return 20;
        double speed = pacer.speed();
        long wait = Double.isInfinite(speed) ? next - now() : (long) Math.ceil((next - now()) / speed);
        return Math.max(0, Math.min(20, wait));
    }

    /** A run of elements from one channel, handed over as one queue entry. */
    private static final class Batch {
        final int channel;
        final StreamElement[] elements = new StreamElement[BATCH_SIZE];
        int size;

        Batch(int channel) { this.channel = channel; }
    }

    private static final class BatchingWriter implements ChannelWriter {
        private final BlockingQueue<Batch> queue;
        private final int channel;
        private Batch current;

        BatchingWriter(BlockingQueue<Batch> queue, int channel) {
            this.queue = queue;
            this.channel = channel;
            this.current = new Batch(channel);
        }

        @Override
        public void write(StreamElement element) {
            current.elements[current.size++] = element;
            if (current.size == BATCH_SIZE || !(element instanceof StreamElement.Record)) flush();
        }

        @Override
        public void flush() {
            if (current.size == 0) return;
            try {
                queue.put(current);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CanceledException();
            }
            current = new Batch(channel);
        }
    }

    /** Unwinds a task blocked on a full channel when the job is canceled. */
    static final class CanceledException extends RuntimeException {
        CanceledException() { super("canceled", null, false, false); }
    }
}
