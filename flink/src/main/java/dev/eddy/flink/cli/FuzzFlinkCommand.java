package dev.eddy.flink.cli;

import dev.eddy.flink.diff.Differential;
import dev.eddy.flink.diff.Fuzzer;
import dev.eddy.flink.run.FlinkCluster;
import dev.eddy.flink.run.FlinkRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fuzz-flink", mixinStandardHelpOptions = true,
        description = {"Generate random pipelines and inputs from a seed, run each in Eddy and on Flink, and compare",
                "what reaches the sinks. The first difference is shrunk to a small pipeline file that reproduces it."})
final class FuzzFlinkCommand implements Callable<Integer> {
    @Option(names = "--cases", paramLabel = "N", description = "how many cases (default 1000)")
    int cases = 1000;

    @Option(names = "--seed", paramLabel = "S", description = "the seed of the cases (default 1)")
    long seed = 1;

    @Option(names = "--work", paramLabel = "DIR", description = "where the runs write, and the reproducer goes (default: a temporary folder)")
    Path work;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("eddy-fuzz");
        try (FlinkCluster cluster = FlinkCluster.start(4)) {
            Fuzzer.Report r = new Fuzzer(new Differential(FlinkRunner.on(cluster)), dir).run(seed, cases, m -> {
                out.println(m);
                out.flush();
            });
            if (r.clean()) {
                out.println(r.cases() + " cases (seed " + seed + "), " + r.skipped() + " refused by validation; Eddy and Flink agree on all");
                return 0;
            }
            out.println(r.difference());
            out.println("the smallest pipeline that still differs: " + r.reproducer());
            return FlinkCommand.JOB_FAILED;
        }
    }
}
