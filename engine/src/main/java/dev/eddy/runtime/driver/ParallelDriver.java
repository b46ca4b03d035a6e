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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs each task on a thread of its own, as Flink runs each subtask of a chain in its slot,
 * with bounded channels between them: a writer buffers elements into batches and blocks when
 * the receiver's queue is full, which slows the producer down (backpressure). Processing time
 * is the wall clock scaled by the pacer, starting at the given start time.
 */
public final class ParallelDriver extends AbstractDriver {
    static final int BATCH_SIZE = 512;
    static final int QUEUE_BATCHES = 16;

    private final long startTime;
    private long startNanos;
    private final Map<Task, BlockingQueue<Batch>> queues = new HashMap<>();
    private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<Task, Mailbox> mailboxes = new java.util.concurrent.ConcurrentHashMap<>();

    public ParallelDriver(JobSpec spec, JobEnvironment env, Pacer pacer, long startTime) {
        super(spec, env, pacer);
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

    @Override
    public JobResult run() {
        startNanos = System.nanoTime();
        pacer.startClock(startTime);
        plan = ExecutionPlan.build(spec, env, this::writer, this::now);
        publishState(JobState.RUNNING, null);
        try {
            var ft = spec.faultTolerance();
            if (ft.checkpoints() || ft.restartAttempts() > 0 || ft.failAfterRecords() > 0) {
                // Checkpoints across threads need barriers and per-channel alignment, which this driver does not have yet.
                throw new dev.eddy.runtime.JobFailedException(null, "checkpoints, restarts and injected failures (settings checkpointInterval,"
                        + " restartAttempts, failAfterRecords) run only in a deterministic run so far (--driver deterministic, the default)");
            }
            for (Task t : plan.tasks()) t.open();
        } catch (RuntimeException e) {
            fail(e, null);
            return result(startNanos);
        }
        for (Task t : plan.tasks()) {
            Thread th = new Thread(() -> runTask(t), "eddy-" + t.name());
            th.setDaemon(true);
            threads.add(th);
        }
        threads.forEach(Thread::start);
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
        return result(startNanos);
    }

    @Override
    public void cancel() {
        super.cancel();
        threads.forEach(Thread::interrupt);
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
        } catch (InterruptedException | CanceledException e) {
            canceled = canceled || !failed();
        } catch (Throwable e) {
            // Once canceled, what an interrupted read or write throws is part of stopping, not a failure.
            if (canceled) return;
            fail(e, t.name());
            threads.forEach(Thread::interrupt);
        } finally {
            mailbox(t).close();
        }
    }

    private void runSource(Task t, Mailbox mail) throws InterruptedException {
        while (!t.isFinished()) {
            if (canceled || failed()) return;
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
            if (p == SourceReader.Poll.NOTHING_YET) {
                t.flush();
                Thread.sleep(1);
            }
        }
    }

    private void runOperators(Task t, Mailbox mail) throws InterruptedException {
        BlockingQueue<Batch> q = queue(t);
        while (!t.isFinished()) {
            if (canceled || failed()) return;
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
