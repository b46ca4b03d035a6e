package dev.eddy.flink.cli;

import dev.eddy.cli.PipelineFiles;
import dev.eddy.flink.run.FlinkCluster;
import dev.eddy.flink.run.FlinkRunResult;
import dev.eddy.flink.run.FlinkRunner;
import dev.eddy.flink.run.VertexMetrics;
import dev.eddy.model.Pipeline;
import dev.eddy.model.RuntimeMode;
import dev.eddy.validate.InvalidPipelineException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a pipeline on Apache Flink: in a Flink cluster started in this process, or on a running",
                "cluster through its REST endpoint. Sinks write here as Eddy's do; the job's metrics go to standard error."})
final class FlinkRunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PIPELINE.json", description = "the pipeline file")
    Path file;

    @Option(names = "--on", required = true, paramLabel = "flink[=HOST:PORT]",
            description = "flink: a local Flink cluster in this process; flink=HOST:PORT: the cluster whose REST endpoint is there")
    String on;

    @Option(names = "--output", paramLabel = "DIR", description = "where file and trace sinks write relative paths (default: a new temporary directory, named at the end)")
    Path output;

    @Option(names = "--parallelism", paramLabel = "N", description = "default parallelism of the nodes")
    Integer parallelism;

    @Option(names = "--mode", description = "streaming (the default) or batch")
    String mode;

    @Option(names = "--jar", paramLabel = "JAR", description = "the job jar with Eddy's classes, for a remote cluster (default: flink/target/eddy-flink-job.jar)")
    Path jar;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!on.equals("flink") && !on.startsWith("flink=")) {
            err.println("eddy: --on takes flink or flink=HOST:PORT, not \"" + on + "\" (Eddy's own engine is `eddy run` without --on)");
            return FlinkCommand.BAD_INPUT;
        }
        Pipeline p = PipelineFiles.read(file, err);
        if (p == null) return FlinkCommand.BAD_INPUT;
        var s = p.settings();
        if (parallelism != null) s = s.withParallelism(parallelism);
        if (mode != null) s = s.withMode(RuntimeMode.valueOf(mode.toUpperCase(Locale.ROOT)));
        p = p.withSettings(s);
        Path out = dev.eddy.cli.OutputFolder.chosenOrTemporary(output);
        Files.createDirectories(out);
        PrintStream stdout = System.out;
        try {
            return runInto(p, s, out, stdout, err);
        } finally {
            dev.eddy.cli.OutputFolder.reportOrRemove(output, out, err);
        }
    }

    private int runInto(Pipeline p, dev.eddy.model.Settings s, Path out, PrintStream stdout, PrintWriter err) throws Exception {
        try {
            if (on.equals("flink")) {
                try (FlinkCluster cluster = FlinkCluster.start(Math.max(4, s.parallelismOrDefault()))) {
                    err.println("eddy: a local Flink cluster, REST at http://" + cluster.address());
                    return report(new FlinkRunner(cluster.host(), cluster.port(), List.of(), true).run(p, PipelineFiles.folderOf(file), out, stdout, id -> announce(err, id)), err);
                }
            }
            String address = on.substring("flink=".length());
            int colon = address.lastIndexOf(':');
            if (colon < 0) {
                err.println("eddy: expected --on flink=HOST:PORT, e.g. flink=localhost:8081, not \"" + on + "\"");
                return FlinkCommand.BAD_INPUT;
            }
            Path jobJar = jar != null ? jar : Path.of(System.getProperty("eddy.jobJar", "flink/target/eddy-flink-job.jar"));
            if (!Files.isRegularFile(jobJar)) {
                err.println("eddy: the job jar " + jobJar + " is missing; build it with ./mvnw -pl flink -am package, or name it with --jar");
                return FlinkCommand.BAD_INPUT;
            }
            FlinkRunner runner = new FlinkRunner(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
                    List.of(jobJar.toAbsolutePath().toString()), true);
            return report(runner.run(p, PipelineFiles.folderOf(file), out, stdout, id -> announce(err, id)), err);
        } catch (InvalidPipelineException e) {
            err.println(PipelineFiles.refusal(file, e));
            return FlinkCommand.BAD_INPUT;
        }
    }

    private static void announce(PrintWriter err, String jobId) { err.println("eddy: submitted job " + jobId); }

    private static int report(FlinkRunResult r, PrintWriter err) {
        err.println("eddy: job " + r.jobId() + " " + r.state().toLowerCase(Locale.ROOT) + ", " + r.sinkRecords() + " records to the sinks");
        err.printf("  %-50s %4s %10s %10s %22s %s%n", "vertex", "par", "in", "out", "watermark", "back pressure");
        for (VertexMetrics v : r.vertices()) {
            err.printf("  %-50s %4d %10d %10d %22s %s%n", abbreviate(v.name()), v.parallelism(), v.recordsIn(), v.recordsOut(),
                    v.watermark() == null ? "-" : v.watermark().toString(), v.backPressure() == null ? "-" : v.backPressure());
        }
        if (r.failure() != null) {
            err.println("eddy: job failed: " + r.failure());
            return FlinkCommand.JOB_FAILED;
        }
        return 0;
    }

    private static String abbreviate(String s) { return s.length() <= 50 ? s : s.substring(0, 47) + "..."; }
}
