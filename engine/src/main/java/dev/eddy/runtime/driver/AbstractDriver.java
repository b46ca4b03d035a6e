package dev.eddy.runtime.driver;

import dev.eddy.observe.InputWatermarkStatus;
import dev.eddy.observe.JobState;
import dev.eddy.observe.NodeMetrics;
import dev.eddy.observe.Observation;
import dev.eddy.observe.WindowQuery;
import dev.eddy.observe.WindowSnapshot;
import dev.eddy.runtime.ExecutionPlan;
import dev.eddy.runtime.Failures;
import dev.eddy.runtime.JobEnvironment;
import dev.eddy.runtime.JobFailedException;
import dev.eddy.runtime.JobSpec;
import dev.eddy.runtime.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** What both drivers share: the plan, the outcome bookkeeping and the final totals. */
abstract class AbstractDriver implements Driver {
    protected final JobSpec spec;
    protected final JobEnvironment env;
    protected final Pacer pacer;
    protected volatile ExecutionPlan plan;
    protected volatile boolean canceled;
    private volatile JobFailedException failure;

    AbstractDriver(JobSpec spec, JobEnvironment env, Pacer pacer) {
        this.spec = spec;
        this.env = env;
        this.pacer = pacer;
    }

    @Override
    public Pacer pacer() { return pacer; }

    @Override
    public void cancel() {
        canceled = true;
        pacer.cancel();
    }

    /** Keeps the first failure; later ones are consequences of it. */
    protected synchronized void fail(Throwable t, String taskName) {
        if (failure != null) return;
        if (t instanceof JobFailedException j) {
            failure = j;
        } else {
            String where = taskName == null ? "the run failed: " : "task \"" + taskName + "\" failed: ";
            failure = new JobFailedException(null, where + Failures.describe(t), t);
        }
    }

    protected boolean failed() { return failure != null; }

    protected abstract long now();

    /** The mailbox served by the thread that runs the task. */
    protected abstract Mailbox mailbox(Task task);

    /** The tasks are done: commands from now on run on the thread that posts them. */
    protected abstract void closeMailboxes();

    @Override
    public CompletableFuture<List<WindowSnapshot>> openWindows(WindowQuery query) {
        return ask(query.node(), t -> t.openWindows(query)).thenApply(all -> {
            all.sort(Comparator.comparingLong(WindowSnapshot::start).thenComparingLong(WindowSnapshot::end)
                    .thenComparing(w -> String.valueOf(w.key())).thenComparingInt(WindowSnapshot::subtask));
            return all;
        });
    }

    @Override
    public CompletableFuture<List<InputWatermarkStatus>> watermarkStatus(String node) {
        return ask(node, t -> List.of(t.watermarkStatus()));
    }

    @Override
    public CompletableFuture<List<dev.eddy.observe.KeyedStateSnapshot>> keyedState(String node) {
        return ask(node, t -> t.keyedState(node)).thenApply(all -> {
            all.sort(Comparator.comparing((dev.eddy.observe.KeyedStateSnapshot s) -> String.valueOf(s.key()))
                    .thenComparingInt(dev.eddy.observe.KeyedStateSnapshot::subtask));
            return all;
        });
    }

    /** Asks every subtask that runs the node, each on its own thread between two elements. */
    private <T> CompletableFuture<List<T>> ask(String node, Function<Task, List<T>> question) {
        ExecutionPlan p = plan;
        if (p == null) return CompletableFuture.failedFuture(new IllegalStateException("the run has not started yet"));
        List<CompletableFuture<List<T>>> answers = new ArrayList<>();
        for (Task t : p.tasks()) {
            if (!t.nodeIds().contains(node)) continue;
            CompletableFuture<List<T>> answer = new CompletableFuture<>();
            mailbox(t).post(() -> {
                try {
                    answer.complete(question.apply(t));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
            answers.add(answer);
        }
        if (answers.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("there is no node \"" + node + "\" in this run"));
        }
        return CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            List<T> all = new ArrayList<>();
            for (CompletableFuture<List<T>> a : answers) all.addAll(a.join());
            return all;
        });
    }

    /** A failure in words: a job failure's own message, anything else described. */
    protected static String reasonOf(Throwable failure) {
        if (failure == null) return "";
        return failure instanceof JobFailedException j ? j.getMessage() : Failures.describe(failure);
    }

    /**
     * Opens the tasks of a plan just built again after a restart: counters go on from the
     * plan before, and every task takes back its part of {@code states} (whole snapshots, or
     * with {@code progressOnly} only where it stood, its operators empty), or starts afresh.
     */
    protected void reopen(Map<String, List<NodeMetrics>> countersBefore, List<byte[]> states, boolean progressOnly) {
        for (Map.Entry<String, List<NodeMetrics>> e : plan.metrics().entrySet()) {
            List<NodeMetrics> before = countersBefore.get(e.getKey());
            for (int i = 0; i < e.getValue().size(); i++) e.getValue().get(i).carryOver(before.get(i));
        }
        openRestored(states, progressOnly);
    }

    /** Opens every task, restored from {@code states} (in plan order) when there are some. */
    protected void openRestored(List<byte[]> states, boolean progressOnly) {
        if (states != null) for (Task t : plan.tasks()) t.markRestoring();
        for (Task t : plan.tasks()) t.open();
        if (states == null) return;
        for (int i = 0; i < states.size(); i++) {
            if (progressOnly) plan.tasks().get(i).restoreProgress(states.get(i));
            else plan.tasks().get(i).restore(states.get(i));
        }
    }

    protected void publishState(JobState s, String reason) {
        env.observations().publish(new Observation.JobStateChanged(now(), s, reason));
    }

    protected JobResult result(long startNanos) {
        closeMailboxes();
        for (Task t : plan.tasks()) t.close();
        JobState state = failure != null ? JobState.FAILED : canceled ? JobState.CANCELED : JobState.FINISHED;
        Map<String, NodeMetrics.Snapshot> totals = new LinkedHashMap<>();
        for (Map.Entry<String, List<NodeMetrics>> e : plan.metrics().entrySet()) {
            NodeMetrics.Snapshot sum = null;
            for (NodeMetrics m : e.getValue()) {
                NodeMetrics.Snapshot s = m.snapshot();
                sum = sum == null ? s : sum.plus(s);
                env.observations().publish(new Observation.MetricsReported(now(), m.node, m.subtask, s));
            }
            totals.put(e.getKey(), sum);
        }
        publishState(state, failure == null ? null : failure.getMessage());
        return new JobResult(state, failure == null ? null : failure.getMessage(),
                failure == null ? null : failure.nodeId(), totals, env.tables(),
                (System.nanoTime() - startNanos) / 1_000_000, now());
    }
}
