package dev.eddy.flink.nativejob;

import com.palantir.javapoet.CodeBlock;
import dev.eddy.catalog.Params;
import dev.eddy.flink.nativejob.NativeJob.Stream;
import dev.eddy.flink.nativejob.RecordClasses.Form;
import dev.eddy.flink.nativejob.RecordClasses.RecordClass;
import dev.eddy.model.Node;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * Sinks as Flink's own: FileSink with part files named as Eddy names them, {@code print()} of the
 * same text as Eddy's print sink, and for the discard sink a count-and-digest before Flink's
 * DiscardingSink, so benchmarks can check the output they do not keep.
 */
final class NativeSinks {
    private NativeSinks() {}

    static void file(NativeJob job, Node n, Params p) {
        Stream in = job.input(n, "in");
        String format = p.string("format");
        RecordClass r = in.record();
        String ext = format.equals("csv") ? ".csv" : format.equals("jsonl") ? ".jsonl" : ".txt";
        // The file sink's formats by the names the print sink gives them.
        String lineFormat = format.equals("jsonl") ? "json" : format.equals("text") ? "row" : format;
        CodeBlock config = CodeBlock.of("$T.builder().withPartPrefix($S).withPartSuffix($S).build()", OutputFileConfig.class, "part", ext);
        CodeBlock sink;
        if (format.equals("csv") && p.bool("header")) {
            r.forms.add(Form.CSV);
            sink = CodeBlock.of("$T.forBulkFormat(new $T(output, $S), $T.withHeader($T.csvHeader($T.FIELDS)))\n.withBucketAssigner(new $T<>())"
                    + "\n.withOutputFileConfig($L)\n.build()", FileSink.class, Path.class, p.string("path"), job.helper("CsvParts"), job.lines,
                    r.name, BasePathBucketAssigner.class, config);
        } else {
            sink = CodeBlock.of("$T.<$T>forRowFormat(new $T(output, $S), new $T<>())\n.withBucketAssigner(new $T<>())\n.withOutputFileConfig($L)\n.build()",
                    FileSink.class, String.class, Path.class, p.string("path"), SimpleStringEncoder.class, BasePathBucketAssigner.class, config);
        }
        String files = job.fresh(n.id() + " files");
        job.body.addStatement("$T<$T> $L = $L", FileSink.class, String.class, files, sink);
        job.body.addStatement("$L.map($L)\n.sinkTo($L)\n.name($S)$L", in.var(), text(r, lineFormat), files, n.id(), job.parallelism(n));
    }

    static void print(NativeJob job, Node n, Params p) {
        Stream in = job.input(n, "in");
        CodeBlock print = p.isSet("identifier") ? CodeBlock.of("print($S)", p.string("identifier")) : CodeBlock.of("print()");
        job.body.addStatement("$L.map($L)\n.$L\n.name($S)$L", in.var(), text(in.record(), p.string("format")), print, n.id(), job.parallelism(n));
    }

    /** Counts and digests the records into the job's accumulators, as Eddy's discard sink does, then drops them. */
    static void discard(NativeJob job, Node n) {
        Stream in = job.input(n, "in");
        in.record().forms.add(Form.VALUES);
        job.body.addStatement("$L.process(new $T<>($S, $T::fieldValues))\n.returns($T.VOID)\n.name($S)$L\n.sinkTo(new $T<>())\n.name($S)$L",
                in.var(), job.helper("CountAndDigest"), n.id(), in.record().name, org.apache.flink.api.common.typeinfo.Types.class,
                n.id() + " digest", job.parallelism(n), org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink.class, n.id(), job.parallelism(n));
    }

    /** The method reference that writes a record in a sink's format. */
    private static CodeBlock text(RecordClass r, String format) {
        return switch (format) {
            case "csv" -> {
                r.forms.add(Form.CSV);
                yield CodeBlock.of("$T::toCsv", r.name);
            }
            case "row" -> {
                r.forms.add(Form.ROW);
                yield CodeBlock.of("$T::toRowText", r.name);
            }
            default -> {
                r.forms.add(Form.JSON);
                yield CodeBlock.of("$T::toJson", r.name);
            }
        };
    }
}
