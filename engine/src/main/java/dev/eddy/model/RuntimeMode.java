package dev.eddy.model;

/** Flink's execution.runtime-mode: progressive results, or final results of bounded input only. */
public enum RuntimeMode {
    STREAMING, BATCH;

    public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
}
