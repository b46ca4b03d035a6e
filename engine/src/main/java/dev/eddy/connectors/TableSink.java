package dev.eddy.connectors;

import dev.eddy.runtime.ResultTables;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;

/** Collects records in memory, in arrival order, for the designer's output tab and for tests. */
public final class TableSink extends StreamOperator {
    private final Schema schema;
    private ResultTables.Table table;

    public TableSink(Schema schema) { this.schema = schema; }

    @Override
    public void processElement(Row row, long timestamp) {
        if (table == null) table = context.environment().tables().table(context.nodeId(), schema);
        table.add(new ResultTables.Entry(row, timestamp, context.subtaskIndex()));
    }

    // The table outlives the run's tasks; a restore drops what this subtask added after the checkpoint.
    @Override
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) {
        out.writeLong(table == null ? 0 : table.countOf(context.subtaskIndex()));
    }

    @Override
    public void restoreState(dev.eddy.checkpoint.StateReader in) {
        long keep = in.readLong();
        table = context.environment().tables().table(context.nodeId(), schema);
        table.truncate(context.subtaskIndex(), keep);
    }
}
