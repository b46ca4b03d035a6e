package dev.eddy.connectors;

import dev.eddy.model.DeliveryGuarantee;
import dev.eddy.runtime.ResultTables;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;

/**
 * Collects records in memory, in arrival order, for the designer's output tab and for tests.
 * With an upsert key it keeps one row per key, which a replay overwrites with the same row: an
 * idempotent sink, exactly once in effect under any guarantee that replays. Without one, a
 * restore under exactly-once (or no stated guarantee) cuts the subtask's rows back to the
 * checkpoint; under at-least-once the replayed rows are added again.
 */
public final class TableSink extends StreamOperator {
    private final Schema schema;
    private final int[] upsertKey;
    private ResultTables.Table table;
    private DeliveryLedger ledger;

    /** {@code upsertKey}: indexes of the key fields, or null for an append-only table. */
    public TableSink(Schema schema, int[] upsertKey) {
        this.schema = schema;
        this.upsertKey = upsertKey;
    }

    @Override
    public void processElement(Row row, long timestamp) {
        if (table == null) table = context.environment().tables().table(context.nodeId(), schema);
        ResultTables.Entry e = new ResultTables.Entry(row, timestamp, context.subtaskIndex());
        if (upsertKey != null) table.upsert(e, upsertKey);
        else table.add(e);
    }

    private boolean cutsBack() {
        DeliveryGuarantee g = context.deliveryGuarantee();
        return upsertKey == null && (g == null || g == DeliveryGuarantee.EXACTLY_ONCE);
    }

    /** A restart from the start begins this subtask's rows again where a restore would cut them back. */
    @Override
    public void open(dev.eddy.runtime.OperatorContext context, dev.eddy.runtime.Output output) {
        super.open(context, output);
        ledger = new DeliveryLedger(context, upsertKey != null ? "idempotent" : cutsBack() ? "transactional" : "write-through");
        if (context.isRestoring()) return;
        var existing = context.environment().tables().get(context.nodeId());
        if (existing != null && cutsBack()) {
            existing.truncate(context.subtaskIndex(), 0);
            ledger.withdrew(ledger.takenBefore());
        } else if (existing != null && upsertKey == null) {
            ledger.duplicated(ledger.takenBefore());
        }
        ledger.publishWriteThrough();
    }

    @Override
    public void endInput() { ledger.publishWriteThrough(); }

    // The table outlives the run's tasks; a restore drops what this subtask added after the checkpoint.
    @Override
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) {
        out.writeLong(context.metrics().recordsIn);
        out.writeLong(table == null ? 0 : table.countOf(context.subtaskIndex()));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) { ledger.publishWriteThrough(); }

    @Override
    public void restoreState(dev.eddy.checkpoint.StateReader in) {
        long rewound = ledger.rewoundSince(in.readLong());
        long keep = in.readLong();
        table = context.environment().tables().table(context.nodeId(), schema);
        if (cutsBack()) {
            table.truncate(context.subtaskIndex(), keep);
            ledger.withdrew(rewound);
        } else if (upsertKey == null) {
            ledger.duplicated(rewound);
        }
        ledger.publishWriteThrough();
    }
}
