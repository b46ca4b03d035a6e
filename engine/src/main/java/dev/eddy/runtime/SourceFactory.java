package dev.eddy.runtime;

/** Makes the reader of one source subtask; subtasks of a parallel source split the work between them. */
@FunctionalInterface
public interface SourceFactory {
    SourceReader create(int subtaskIndex, int parallelism);
}
