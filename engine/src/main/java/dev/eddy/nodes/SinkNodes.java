package dev.eddy.nodes;

import static dev.eddy.catalog.ParamKind.BOOLEAN;
import static dev.eddy.catalog.ParamKind.PATH;
import static dev.eddy.catalog.ParamKind.STRING;
import static dev.eddy.catalog.ParamKind.STRING_LIST;
import static dev.eddy.catalog.ParamSpec.choice;
import static dev.eddy.catalog.ParamSpec.optional;
import static dev.eddy.catalog.ParamSpec.required;
import static dev.eddy.nodes.NodeTypeBuilder.type;

import dev.eddy.catalog.Binding;
import dev.eddy.catalog.Category;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.PortSpec;
import dev.eddy.catalog.SinkDelivery;
import dev.eddy.connectors.DiscardSink;
import dev.eddy.connectors.FileSink;
import dev.eddy.connectors.PrintSink;
import dev.eddy.connectors.RowText;
import dev.eddy.connectors.TableSink;
import dev.eddy.connectors.TraceSink;
import dev.eddy.types.Schema;
import java.util.List;

/** Where records go: standard output, files, an in-memory table, a trace, nowhere. */
final class SinkNodes {
    private SinkNodes() {}

    static List<NodeType> all() { return List.of(print(), file(), table(), trace(), discard()); }

    static NodeType print() {
        return type("sink.print", Category.SINKS).title("Print")
                .summary("Prints each record on standard output")
                .concept("Flink's print(): with more than one subtask each line starts with the subtask's number, \"2> \","
                        + " which shows how records were spread; with an identifier, \"id:2> \".")
                .param(choice("format", "json", "json: {\"word\":\"to\",\"count\":2}; row: Flink's Row text, +I[to, 2]; csv: to,2",
                        "json", "row", "csv"))
                .param(optional("identifier", STRING, "a name printed before each line"))
                .input(PortSpec.IN)
                .delivery(SinkDelivery.writeThrough("what was printed stays printed: after a restore the replayed records are printed again"))
                .onFlink("DataStream#print")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    RowText format = RowText.parse(ctx.params().string("format"));
                    String id = ctx.params().string("identifier");
                    return Binding.sink(() -> new PrintSink(in, format, id));
                });
    }

    static NodeType file() {
        return type("sink.file", Category.SINKS).title("Files")
                .summary("Writes records to part files in a directory, one per subtask")
                .concept("Like Flink's row-format FileSink: each subtask writes its own part file, in progress until its"
                        + " input ends. A relative path is relative to the run's output directory (--output).")
                .param(required("path", PATH, "the directory to write into"))
                .param(choice("format", "jsonl", "jsonl: one JSON object per line; csv: comma-separated; text: Flink's Row text",
                        "jsonl", "csv", "text"))
                .param(optional("header", BOOLEAN, true, "whether a CSV file starts with the field names"))
                .input(PortSpec.IN)
                .delivery(SinkDelivery.transactional("two-phase commit under exactly-once: lines wait in a hidden file, sealed at"
                        + " each checkpoint's barrier and appended to the part file when the checkpoint completes; under"
                        + " at-least-once and at-most-once they are written through"))
                .onFlink("DataStream#sinkTo(FileSink)")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    String format = ctx.params().string("format");
                    RowText text = format.equals("jsonl") ? RowText.JSON : format.equals("csv") ? RowText.CSV : RowText.ROW;
                    String path = ctx.params().string("path");
                    boolean header = ctx.params().bool("header");
                    return Binding.sink(() -> new FileSink(in, path, text, header));
                });
    }

    static NodeType table() {
        return type("sink.table", Category.SINKS).title("Table")
                .summary("Keeps records in memory for the designer's output view and for tests")
                .concept("A sink you can look into: every record with its timestamp and subtask, in arrival order."
                        + " With an upsert key it keeps the last row per key, so a replay after a restart overwrites"
                        + " rows with themselves: an idempotent sink, exactly once in effect without transactions.")
                .param(optional("upsertKey", STRING_LIST, "fields whose values name a row: a new row replaces the one of the same key"))
                .input(PortSpec.IN)
                .delivery(SinkDelivery.transactional("with an upsert key, idempotent: a replayed row overwrites itself; without"
                        + " one, under exactly-once a restore withdraws the rows added after the checkpoint"))
                .onFlink("DataStream#print (a table lives in Eddy's designer)")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    int[] key = null;
                    if (ctx.params().isSet("upsertKey")) {
                        java.util.List<String> names = ctx.params().strings("upsertKey");
                        key = new int[names.size()];
                        for (int i = 0; i < key.length; i++) {
                            key[i] = in.indexOf(names.get(i));
                            if (key[i] < 0) ctx.error("upsertKey", "no input field \"" + names.get(i) + "\"; the input has "
                                    + String.join(", ", in.names()));
                        }
                    }
                    int[] upsertKey = key;
                    return Binding.sink(() -> new TableSink(in, upsertKey));
                });
    }

    static NodeType trace() {
        return type("sink.trace", Category.SINKS).title("Trace")
                .summary("Writes every record with its timestamp, and every watermark, in arrival order")
                .concept("What Flink's operator test harness shows of an operator's output: records with their event"
                        + " timestamps interleaved with watermarks. Use it to see exactly when results come out.")
                .param(required("path", PATH, "the JSON Lines file to write; relative to the run's output directory"))
                .input(PortSpec.IN).singleSubtask()
                .delivery(SinkDelivery.transactional("as the file sink: committed on completed checkpoints under exactly-once"))
                .onFlink("DataStream#print of the trace lines")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    String path = ctx.params().string("path");
                    return Binding.sink(() -> new TraceSink(in, path));
                });
    }

    static NodeType discard() {
        return type("sink.discard", Category.SINKS).title("Discard")
                .summary("Counts records and drops them")
                .concept("Flink's DiscardingSink: for measuring how fast the rest of the pipeline runs.")
                .input(PortSpec.IN)
                .delivery(SinkDelivery.transactional("keeps nothing, so it has nothing to take back"))
                .onFlink("DataStream#transform with an operator that counts and digests into accumulators")
                .bind(ctx -> Binding.sink(DiscardSink::new));
    }
}
