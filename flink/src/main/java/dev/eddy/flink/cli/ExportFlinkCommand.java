package dev.eddy.flink.cli;

import dev.eddy.cli.PipelineFiles;
import dev.eddy.flink.export.FlinkProject;
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
        description = {"Write a pipeline as a Maven project with one readable Flink DataStream job class;",
                "`mvn package` in it makes a job jar for `flink run`."})
final class ExportFlinkCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PIPELINE.json", description = "the pipeline file")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the project folder to write (made if missing)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            err.println("eddy: --out " + out + " is a file; expected a folder");
            return FlinkCommand.BAD_INPUT;
        }
        Pipeline p = PipelineFiles.read(file, err);
        if (p == null) return FlinkCommand.BAD_INPUT;
        try {
            FlinkProject.Written w = FlinkProject.write(p, PipelineFiles.folderOf(file), out);
            spec.commandLine().getOut().println("wrote " + w.source() + "\nbuild it: cd " + out + " && mvn package"
                    + "\nrun it:   flink run target/" + w.jarName());
            return 0;
        } catch (InvalidPipelineException e) {
            err.println(PipelineFiles.refusal(file, e));
            return FlinkCommand.BAD_INPUT;
        }
    }
}
