package dev.eddy.connectors;

import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;

/**
 * Prints each record on standard output with the prefix Flink's PrintSinkOutputWriter uses:
 * "N> " (subtask index + 1) only when the sink runs in more than one subtask, preceded by the
 * identifier and a colon when one is given ("id:N> "), or "id> " at parallelism 1.
 */
public final class PrintSink extends StreamOperator {
    private final Schema schema;
    private final RowText format;
    private final String identifier;
    private String prefix;

    public PrintSink(Schema schema, RowText format, String identifier) {
        this.schema = schema;
        this.format = format;
        this.identifier = identifier == null ? "" : identifier;
    }

    static String prefix(String identifier, int subtask, int parallelism) {
        String p = identifier;
        if (parallelism > 1) p = (p.isEmpty() ? "" : p + ":") + (subtask + 1);
        return p.isEmpty() ? "" : p + "> ";
    }

    private DeliveryLedger ledger;

    /** What was printed cannot be taken back: a restart notes how many records will be printed again. */
    @Override
    public void open(dev.eddy.runtime.OperatorContext context, dev.eddy.runtime.Output output) {
        super.open(context, output);
        ledger = new DeliveryLedger(context, "write-through");
        if (context.isRestoring()) return;
        ledger.duplicated(ledger.takenBefore());
        ledger.publishWriteThrough();
    }

    @Override
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) { out.writeLong(context.metrics().recordsIn); }

    @Override
    public void restoreState(dev.eddy.checkpoint.StateReader in) {
        ledger.duplicated(ledger.rewoundSince(in.readLong()));
        ledger.publishWriteThrough();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) { ledger.publishWriteThrough(); }

    @Override
    public void endInput() { ledger.publishWriteThrough(); }

    @Override
    public void processElement(Row row, long timestamp) {
        if (prefix == null) prefix = prefix(identifier, context.subtaskIndex(), context.parallelism());
        context.environment().stdout().println(prefix + format.format(row, schema));
    }
}
