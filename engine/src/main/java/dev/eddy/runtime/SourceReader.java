package dev.eddy.runtime;

/**
 * The reading side of a source, one per source subtask. The driver asks it for one record at a
 * time, so the deterministic driver can interleave sources exactly and the pacer can hold a
 * record back until its (virtual) time has come.
 */
public interface SourceReader {
    /** Asked with {@link #nextDueTime()} when the next record may go at once. */
    long NOW = Long.MIN_VALUE;

    /**
     * What a poll did. RESTORE (the scripted source's checkpoint step) asks the driver to take a
     * checkpoint now, throw every task away and rebuild the run from it.
     */
    enum Poll { EMITTED, NOTHING_YET, END, RESTORE }

    void open(OperatorContext context) throws Exception;

    /** Emits at most one record (a line, a generated event) into the output. */
    Poll poll(Output output) throws Exception;

    /**
     * The processing time at which the next record is due (rate-limited generators), or
     * {@link #NOW}. The deterministic driver advances its virtual clock to it; the parallel
     * driver waits for it, scaled by the pacer.
     */
    default long nextDueTime() { return NOW; }

    /** Whether records arrive in real time from outside (a socket), so virtual time must follow the wall clock. */
    default boolean isLive() { return false; }

    /**
     * Emits a record typed in by hand (the designer's inject) as if this source had read it, so it
     * passes whatever the source does to its own records, a watermark strategy inside it included.
     */
    default void inject(dev.eddy.types.Row row, long timestamp, Output output) { output.collect(row, timestamp); }

    /**
     * Writes where this reader stands, so that a restored reader goes on from exactly there (Flink's
     * source split state). A source that cannot rewind (a socket) says so.
     */
    default void snapshotPosition(dev.eddy.checkpoint.StateWriter out) {
        throw new IllegalStateException("this source cannot go back to a position, so it cannot be part of a checkpoint");
    }

    /** Goes back to what {@link #snapshotPosition} wrote; called after {@link #open}. */
    default void restorePosition(dev.eddy.checkpoint.StateReader in) {
        throw new IllegalStateException("this source cannot go back to a position, so it cannot be restored");
    }

    default void close() throws Exception {}
}
