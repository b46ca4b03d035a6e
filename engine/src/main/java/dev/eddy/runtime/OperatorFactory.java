package dev.eddy.runtime;

/** Makes a fresh operator instance for one subtask; operators keep per-subtask state. */
@FunctionalInterface
public interface OperatorFactory {
    StreamOperator create();
}
