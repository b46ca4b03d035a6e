package dev.eddy.runtime;

/**
 * The processing-time clock a task sees: virtual under the deterministic driver (so a run is
 * repeatable), scaled wall-clock time under the parallel driver. Timers come with the
 * event-time work; the clock is here now so that sources and operators already read one clock.
 */
@FunctionalInterface
public interface ProcessingTimeService {
    long currentProcessingTime();
}
