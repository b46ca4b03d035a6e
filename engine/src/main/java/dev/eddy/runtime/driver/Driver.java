package dev.eddy.runtime.driver;

import dev.eddy.observe.WindowQuery;
import dev.eddy.observe.WindowSnapshot;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs a job's tasks to the end, to a failure, or until canceled. */
public interface Driver {
    JobResult run();

    /** Asks the run to stop at the next safe point; it then ends as CANCELED. */
    void cancel();

    Pacer pacer();

    /**
     * What the open windows the query names hold right now, from any thread, at any moment of the
     * run, paused or not: each subtask of the node answers between two elements, on its own
     * thread. Fails when the run has not started, or the node does not exist or keeps no windows.
     */
    CompletableFuture<List<WindowSnapshot>> openWindows(WindowQuery query);

    /**
     * Where every subtask of the task that runs the node stands on event time: its input channels'
     * watermarks and idleness, as the mailbox answers between two elements.
     */
    CompletableFuture<List<dev.eddy.observe.InputWatermarkStatus>> watermarkStatus(String node);

    /**
     * What every key of a keyed process node holds right now, its state and pending timers, as
     * each subtask answers between two elements. Fails when the run has not started, or the node
     * does not exist or keeps no keyed state.
     */
    CompletableFuture<List<dev.eddy.observe.KeyedStateSnapshot>> keyedState(String node);
}
