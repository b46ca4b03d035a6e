package dev.eddy.flink.runtime;

import dev.eddy.operators.window.JoinedRows;
import dev.eddy.types.Row;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.co.ProcessJoinFunction;
import org.apache.flink.util.Collector;

/** An interval join's result, left fields then right; Flink gives it the larger of the two timestamps. */
public final class IntervalJoinRows extends ProcessJoinFunction<Row, Row, Row> implements ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Row left, Row right, Context ctx, Collector<Row> out) {
        out.collect(JoinedRows.concat(left, right));
    }

    @Override
    public TypeInformation<Row> getProducedType() { return EddyTypes.ROW; }
}
