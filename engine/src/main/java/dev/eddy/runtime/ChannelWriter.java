package dev.eddy.runtime;

/**
 * The sending end of one channel to one subtask of another task. The deterministic driver hands
 * elements straight to the receiver's queue; the parallel driver buffers them into batches on
 * bounded queues, which is where backpressure comes from.
 */
public interface ChannelWriter {
    void write(StreamElement element);

    /** Sends what is buffered; called when the task goes idle, before it blocks, and at the end. */
    default void flush() {}
}
