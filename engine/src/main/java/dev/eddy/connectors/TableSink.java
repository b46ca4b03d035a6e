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

    /** A restart from the start begins this subtask's rows again, as a restore cuts them back. */
    @Override
    public void open(dev.eddy.runtime.OperatorContext context, dev.eddy.runtime.Output output) {
        super.open(context, output);
        var existing = context.environment().tables().get(context.nodeId());
        if (!context.isRestoring() && existing != null) existing.truncate(context.subtaskIndex(), 0);
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
