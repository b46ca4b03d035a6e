package dev.eddy.flink.translate;

import static dev.eddy.flink.translate.Code.lit;
import static dev.eddy.flink.translate.Code.make;

import dev.eddy.flink.runtime.LineFormat;
import dev.eddy.flink.runtime.TraceLines;
import dev.eddy.model.Node;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;

/** Sink nodes as Flink's own sinks, for an exported job that runs by itself on a cluster. */
final class FlinkSinks {
    private FlinkSinks() {}

    static void sink(FlinkTranslator t, Node n) {
        var p = FlinkTranslator.params(n);
        Code in = t.input(n, "in");
        String comment = t.comment(n);
        Code sink = switch (n.type()) {
            case "sink.print" -> {
                Code lines = in.then("map", t.fn(LineFormat.class, n));
                yield p.isSet("identifier") ? lines.then("print", lit(p.string("identifier"))) : lines.then("print");
            }
            case "sink.file" -> {
                t.checkpointForFiles();
                comment += "\nFlink's FileSink commits part files on checkpoints (and at the end of bounded input)";
                Code files = Code.callTyped(FileSink.class, "String", "forRowFormat", make(Path.class, lit(p.string("path"))),
                        Code.makeGeneric(SimpleStringEncoder.class)).then("build");
                yield in.then("map", t.fn(LineFormat.class, n)).then("sinkTo", files);
            }
            case "sink.trace", "sink.table" -> {
                comment += "\nThe lines of Eddy's trace: records with their timestamps, and the watermarks between them";
                yield in.then("transform", lit(n.id()), Code.field(Types.class, "STRING"), t.fn(TraceLines.class, n))
                        .then("setParallelism", lit(1)).then("print", lit(n.id()));
            }
            default -> {
                comment += "\nDrops the records, counting and digesting them into the job's accumulators";
                yield in.then("transform", lit(n.id()), Code.call(dev.eddy.flink.runtime.EddyTypes.class, "rows"),
                        make(dev.eddy.flink.runtime.DigestSink.class, lit(n.id())));
            }
        };
        t.statements.add(Statement.run(comment, t.parallel(n, sink.then("name", lit(n.id())))));
    }
}
