package dev.eddy.operators.window;

import dev.eddy.types.Row;
import java.util.function.BinaryOperator;

/**
 * Decides when a window is evaluated, with Flink's Trigger contract: called for every element,
 * for its event-time and processing-time timers, on a merge (sessions) and when the window is
 * cleared. Its state lives per (key, window) in the context.
 */
public interface Trigger {
    TriggerResult onElement(Row row, long timestamp, Window window, Context ctx);

    TriggerResult onEventTime(long time, Window window, Context ctx);

    TriggerResult onProcessingTime(long time, Window window, Context ctx);

    default boolean canMerge() { return false; }

    default void onMerge(Window window, MergeContext ctx) {
        throw new UnsupportedOperationException("this trigger cannot merge");
    }

    void clear(Window window, Context ctx);

    /** Whether its firings also purge the window's contents (PurgingTrigger), so the window cannot grow for ever. */
    default boolean purges() { return false; }

    /** The name shown in observations ("fired by event-time trigger"). */
    String describe();

    /** What a trigger can see and do for one (key, window). */
    interface Context {
        long currentWatermark();

        long currentProcessingTime();

        void registerEventTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        void registerProcessingTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        /** The trigger's state of this name for this window, or null. */
        Object state(String name);

        void setState(String name, Object value);

        void clearState(String name);
    }

    /** During onMerge: the merged windows' states can be combined into the merged window's. */
    interface MergeContext extends Context {
        void mergeState(String name, BinaryOperator<Object> combine);
    }
}
