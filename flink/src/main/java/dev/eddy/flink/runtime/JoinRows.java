package dev.eddy.flink.runtime;

import dev.eddy.operators.window.JoinedRows;
import dev.eddy.types.Row;
import org.apache.flink.api.common.functions.JoinFunction;

/** A window join's result: the left record's fields, then the right's, as Eddy's join writes them. */
public final class JoinRows implements JoinFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row join(Row left, Row right) { return JoinedRows.concat(left, right); }
}
