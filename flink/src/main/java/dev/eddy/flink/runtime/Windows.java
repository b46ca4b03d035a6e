package dev.eddy.flink.runtime;

import dev.eddy.operators.window.Window;
import dev.eddy.operators.window.WindowParts;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/** Flink's windows as Eddy's, for Eddy's window functions, which write the bounds into results. */
final class Windows {
    private Windows() {}

    static Window of(org.apache.flink.streaming.api.windowing.windows.Window w) {
        if (w instanceof TimeWindow t) return new Window.TimeWindow(t.getStart(), t.getEnd());
        if (w instanceof GlobalWindow) return Window.GlobalWindow.INSTANCE;
        throw new IllegalArgumentException("an unknown kind of window: " + w);
    }

    static WindowParts parts(PipelineRef pipeline, String node) {
        return pipeline.binding(node).parts(WindowParts.class);
    }
}
