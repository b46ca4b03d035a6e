package dev.eddy.flink.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.flink.run.FlinkRunResult;
import dev.eddy.flink.run.FlinkRunner;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.Settings;
import dev.eddy.run.PipelineRunner;
import dev.eddy.run.RunOptions;
import dev.eddy.runtime.driver.JobResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs one pipeline through Eddy and through Flink and compares what reaches each sink: every
 * sink becomes a trace (records with timestamps, and watermarks), both traces are cut at the
 * watermarks, and the pieces must be equal as multisets (FLINK-SEMANTICS.md §10: the order among
 * records between two watermarks is not defined), and the watermarks equal in sequence.
 *
 * <p>Processing time is the wall clock in Flink, so the comparison takes it out of the pipeline:
 * sources emit as fast as they can instead of at a rate, and periodic watermark generators are
 * off (their emissions fall wherever the wall clock puts them). Explicit watermarks (a scripted
 * source's, the punctuated strategy's) and the final watermark at the end of input remain.
 *
 * <p>A join's two inputs race in Flink: which side's watermark arrives first is thread timing, so
 * the join's watermarks, and where its results fall among them, are too. When explicit watermarks
 * reach a join before the end, the sinks behind it are compared as one multiset of records. Cases
 * where that multiset is itself deterministic are the generator's business (no record behind its
 * own input's watermark).
 */
public final class Differential {
    private final FlinkRunner flink;

    public Differential(FlinkRunner flink) { this.flink = flink; }

    /** The verdict: equal or not, and the report that says where they part. */
    public record Outcome(boolean equal, String report) {}

    /** The pipeline as the comparison runs it: traced sinks, no rates, no periodic watermarks. */
    public static Pipeline comparable(Pipeline p) {
        List<Node> nodes = new ArrayList<>();
        for (Node n : p.nodes()) {
            if (n.type().startsWith("sink.")) {
                ObjectNode params = n.params().removeAll();
                params.put("path", traceFile(n.id()));
                nodes.add(new Node(n.id(), "sink.trace", params, null));
            } else if (n.type().startsWith("source.") && n.paramsView().has("rate") || defaultRate(n)) {
                ObjectNode params = n.params();
                params.put("rate", 0);
                nodes.add(n.withParams(params));
            } else {
                nodes.add(n);
            }
        }
        Settings s = p.settings();
        Settings quiet = s.withAutoWatermarkInterval(0L);
        return new Pipeline(p.name(), p.description(), quiet, nodes, p.edges(), p.layout(), p.lesson());
    }

    /** Generators with a rate by default (sensors, payments, sentences) must be told to go as fast as they can. */
    private static boolean defaultRate(Node n) {
        return dev.eddy.nodes.StandardCatalog.get().type(n.type()).flatMap(t -> t.param("rate"))
                .map(spec -> spec.defaultValue() != null && !spec.defaultValue().isNull()).orElse(false);
    }

    static String traceFile(String sink) { return sink + ".trace.jsonl"; }

    /** Runs both engines in fresh folders under {@code work} and compares. */
    public Outcome compare(Pipeline pipeline, Path inputDir, Path work) throws Exception {
        // Both engines run without the script's failures and restores: the comparison is of semantics, not of recoveries.
        Pipeline p = comparable(dev.eddy.flink.translate.FlinkTranslator.withoutScriptedFaults(pipeline));
        Path eddyOut = Files.createDirectories(work.resolve("eddy"));
        Path flinkOut = Files.createDirectories(work.resolve("flink"));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        JobResult eddy = PipelineRunner.standard().prepare(p, inputDir, RunOptions.defaults().withOutputDir(eddyOut).withStdout(quiet)).run();
        FlinkRunResult onFlink = flink.run(p, inputDir, flinkOut, quiet, id -> {});
        if (!eddy.succeeded() || !onFlink.succeeded()) {
            boolean both = !eddy.succeeded() && !onFlink.succeeded();
            return new Outcome(both, "Eddy " + (eddy.succeeded() ? "finished" : "failed: " + eddy.failure())
                    + "\nFlink " + (onFlink.succeeded() ? "finished" : "failed: " + onFlink.failure()));
        }
        StringBuilder report = new StringBuilder();
        boolean equal = true;
        Set<String> racy = hasEarlyWatermarks(p) ? behindJoins(p) : Set.of();
        for (Node n : p.nodes()) {
            if (!n.type().equals("sink.trace")) continue;
            Trace e = Trace.read(eddyOut.resolve(traceFile(n.id())));
            Trace f = Trace.read(flinkOut.resolve(traceFile(n.id())));
            boolean recordsOnly = racy.contains(n.id());
            if (recordsOnly) {
                e = e.recordsOnly();
                f = f.recordsOnly();
            }
            String difference = e.difference(f);
            if (difference == null) {
                report.append("sink \"").append(n.id()).append("\": ").append(e.records()).append(" records, ")
                        .append(recordsOnly ? "watermarks not compared (behind a join), " : e.watermarkCount() + " watermarks, ")
                        .append("equal\n");
            } else {
                equal = false;
                report.append("sink \"").append(n.id()).append("\": ").append(difference).append('\n');
            }
        }
        return new Outcome(equal, report.toString());
    }

    /**
     * Whether a watermark can come before the end: a scripted timeline's watermark step or a
     * punctuated strategy (the periodic ones are off here).
     */
    private static boolean hasEarlyWatermarks(Pipeline p) {
        for (Node n : p.nodes()) {
            var params = n.paramsView();
            if (params.path("strategy").asText().equals("punctuated") || params.path("watermarks").asText().equals("punctuated")) return true;
            if (!n.type().equals("source.scripted") || !params.has("steps")) continue;
            for (var step : params.get("steps")) if (step.has("watermark")) return true;
        }
        return false;
    }

    /** The ids of every node downstream of a two-input node (a window or interval join). */
    private static Set<String> behindJoins(Pipeline p) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (Node n : p.nodes()) if (n.type().endsWith("-join")) todo.add(n.id());
        while (!todo.isEmpty()) {
            String at = todo.pop();
            for (var e : p.edges()) if (e.from().equals(at) && reached.add(e.to())) todo.add(e.to());
        }
        return reached;
    }

    static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
