package dev.eddy.runtime.driver;

/** Runs a job's tasks to the end, to a failure, or until canceled. */
public interface Driver {
    JobResult run();

    /** Asks the run to stop at the next safe point; it then ends as CANCELED. */
    void cancel();

    Pacer pacer();
}
