package dev.eddy.operators.window;

import dev.eddy.expr.CompiledExpression;
import dev.eddy.expr.EvaluationException;
import dev.eddy.types.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Assigns each record to windows, as Flink's window assigners do. Processing-time assigners use
 * the clock instead of the record's timestamp; merging assigners (sessions) start each record in
 * a window of its own, which the operator merges with the windows it touches.
 */
public interface WindowAssigner {
    List<Window> assign(Row row, long timestamp, long processingTime);

    boolean isEventTime();

    default boolean isMerging() { return false; }

    /** The trigger used when none is set. */
    Trigger defaultTrigger();

    /** TumblingEventTimeWindows / TumblingProcessingTimeWindows: one window [start, start + size). */
    record Tumbling(long size, long offset, boolean isEventTime) implements WindowAssigner {
        @Override
        public List<Window> assign(Row row, long timestamp, long processingTime) {
            long t = isEventTime ? checked(timestamp) : processingTime;
            long start = Window.TimeWindow.startWithOffset(t, offset, size);
            return List.of(new Window.TimeWindow(start, start + size));
        }

        @Override
        public Trigger defaultTrigger() { return isEventTime ? Triggers.EVENT_TIME : Triggers.PROCESSING_TIME; }
    }

    /** SlidingEventTimeWindows / SlidingProcessingTimeWindows: size / slide windows, latest start first. */
    record Sliding(long size, long slide, long offset, boolean isEventTime) implements WindowAssigner {
        @Override
        public List<Window> assign(Row row, long timestamp, long processingTime) {
            long t = isEventTime ? checked(timestamp) : processingTime;
            List<Window> windows = new ArrayList<>((int) (size / slide) + 1);
            long lastStart = Window.TimeWindow.startWithOffset(t, offset, slide);
            for (long start = lastStart; start > t - size; start -= slide) windows.add(new Window.TimeWindow(start, start + size));
            return windows;
        }

        @Override
        public Trigger defaultTrigger() { return isEventTime ? Triggers.EVENT_TIME : Triggers.PROCESSING_TIME; }
    }

    /**
     * EventTimeSessionWindows / ProcessingTimeSessionWindows and their dynamic variants: a window
     * [t, t + gap) per record, merged with every window it touches. A gap expression gives the gap
     * per record in milliseconds.
     */
    record Sessions(long gap, CompiledExpression gapExpression, boolean isEventTime) implements WindowAssigner {
        @Override
        public List<Window> assign(Row row, long timestamp, long processingTime) {
            // EventTimeSessionWindows does not reject a missing timestamp; it would make a window at Long.MIN_VALUE.
            long t = isEventTime ? timestamp : processingTime;
            return List.of(new Window.TimeWindow(t, t + gapOf(row)));
        }

        /** The record's gap: the fixed one, or the gap expression's value, which must be above 0. */
        public long gapOf(Row row) {
            if (gapExpression == null) return gap;
            Object v = gapExpression.evaluate(row);
            if (v == null) throw new EvaluationException("the session gap `" + gapExpression.text() + "` is NULL");
            long g = (Long) v;
            if (g <= 0) throw new EvaluationException("the session gap `" + gapExpression.text() + "` is " + g + "; it must be above 0");
            return g;
        }

        @Override
        public boolean isMerging() { return true; }

        @Override
        public Trigger defaultTrigger() { return isEventTime ? Triggers.EVENT_TIME : Triggers.PROCESSING_TIME; }
    }

    /** GlobalWindows: everything in one window, which fires only when a trigger says so. */
    record Global(Trigger defaultTrigger) implements WindowAssigner {
        @Override
        public List<Window> assign(Row row, long timestamp, long processingTime) { return List.of(Window.GlobalWindow.INSTANCE); }

        @Override
        public boolean isEventTime() { return false; }
    }

    /** Tumbling and sliding event-time assigners refuse records without a timestamp, as Flink's do. */
    private static long checked(long timestamp) {
        if (timestamp == Long.MIN_VALUE) {
            throw new EvaluationException("the record has no event timestamp (a watermarks node upstream assigns one),"
                    + " and an event-time window needs it; or use processing time");
        }
        return timestamp;
    }
}
