package dev.eddy.flink.cli;

import dev.eddy.cli.PipelineFiles;
import dev.eddy.flink.sql.SqlExport;
import dev.eddy.model.Pipeline;
import dev.eddy.validate.InvalidPipelineException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export-sql", mixinStandardHelpOptions = true,
        description = {"Write a pipeline as a Flink SQL script: CREATE TABLE for its sources (event time as a WATERMARK)",
                "and sinks, a view per node (windows as TUMBLE, HOP and SESSION, running aggregates as OVER windows,",
                "interval joins), and one statement set of INSERTs. Flink's SQL client runs it: sql-client.sh -f pipeline.sql.",
                "A node SQL cannot express is named with the reason; `export-flink` writes those as DataStream code."})
final class ExportSqlCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PIPELINE.json", description = "the pipeline file")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write pipeline.sql and data/ into (made if missing)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Pipeline p = FlinkCommand.exportInput(file, out, err);
        if (p == null) return FlinkCommand.BAD_INPUT;
        try {
            SqlExport.Written w = SqlExport.write(p, PipelineFiles.folderOf(file), out, SqlExport.Options.defaults());
            spec.commandLine().getOut().println("wrote " + w.script() + "\nrun it:   cd " + out + " && sql-client.sh -f pipeline.sql"
                    + "\n(file sinks write under output/; its input files are in data/)");
            return 0;
        } catch (InvalidPipelineException e) {
            err.println(PipelineFiles.refusal(file, e));
            return FlinkCommand.BAD_INPUT;
        }
    }
}
