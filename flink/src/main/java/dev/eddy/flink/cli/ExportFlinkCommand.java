package dev.eddy.flink.cli;

import dev.eddy.cli.PipelineFiles;
import dev.eddy.flink.export.FlinkProject;
import dev.eddy.flink.nativejob.NativeProject;
import dev.eddy.model.Pipeline;
import dev.eddy.validate.InvalidPipelineException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export-flink", mixinStandardHelpOptions = true,
        description = {"Write a pipeline as a Maven project of plain Flink DataStream code, with no Eddy library in it:",
                "a job class, a record per schema, the expressions in Java. `mvn package` in it makes a job jar for `flink run`.",
                "A node it cannot write yet is named with the reason; --eddy-runtime then writes the job that calls Eddy's",
                "functions on Flink's operators instead (what `run --on flink` runs)."})
final class ExportFlinkCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PIPELINE.json", description = "the pipeline file")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the project folder to write (made if missing)")
    Path out;

    @Option(names = "--eddy-runtime", description = "write the job that embeds the pipeline and evaluates it with Eddy's libraries")
    boolean eddyRuntime;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Pipeline p = FlinkCommand.exportInput(file, out, err);
        if (p == null) return FlinkCommand.BAD_INPUT;
        try {
            if (eddyRuntime) {
                FlinkProject.Written w = FlinkProject.write(p, PipelineFiles.folderOf(file), out);
                spec.commandLine().getOut().println("wrote " + w.source() + "\nbuild it: cd " + out + " && mvn package"
                        + "\nrun it:   flink run target/" + w.jarName());
                return 0;
            }
            NativeProject.Written w = NativeProject.write(p, PipelineFiles.folderOf(file), out);
            boolean data = Files.isDirectory(out.resolve("data"));
            spec.commandLine().getOut().println("wrote " + w.source() + "\nbuild it: cd " + out + " && mvn package"
                    + "\nrun it:   flink run target/" + w.jarName() + (data ? " --data data" : "") + " --output output");
            return 0;
        } catch (InvalidPipelineException e) {
            err.println(PipelineFiles.refusal(file, e));
            if (!eddyRuntime && e.getMessage().contains("native Flink code")) {
                err.println("eddy: `./eddy export-flink --eddy-runtime` writes a job that runs these nodes with Eddy's libraries on Flink");
            }
            return FlinkCommand.BAD_INPUT;
        }
    }
}
