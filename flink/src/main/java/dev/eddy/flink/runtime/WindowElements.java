package dev.eddy.flink.runtime;

import dev.eddy.operators.window.TimestampedRow;
import dev.eddy.operators.window.WindowFunction;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;

/**
 * A full-window function (the window's records, all or the top N) as a ProcessWindowFunction over
 * the elements Flink kept, in the order Flink kept them. Keyed windows get the key; windowAll
 * gets null through {@link AllWindowElements}.
 */
public final class WindowElements<W extends Window> extends ProcessWindowFunction<Row, Row, Object, W>
        implements ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient WindowFunction function;

    public WindowElements(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public void process(Object key, Context ctx, Iterable<Row> elements, Collector<Row> out) {
        if (function == null) function = Windows.parts(pipeline, node).function();
        emit(function, key, ctx.window(), elements, out);
    }

    static void emit(WindowFunction function, Object key, Window window, Iterable<Row> elements, Collector<Row> out) {
        List<TimestampedRow> kept = new ArrayList<>();
        // Eddy's element functions read only the rows; Flink does not hand the timestamps to the function.
        for (Row r : elements) kept.add(new TimestampedRow(r, Time.NO_TIMESTAMP));
        for (Row r : function.fromElements(key, Windows.of(window), kept)) out.collect(r);
    }

    @Override
    public TypeInformation<Row> getProducedType() { return EddyTypes.ROW; }
}
