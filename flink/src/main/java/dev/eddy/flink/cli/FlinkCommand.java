package dev.eddy.flink.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The commands that need Apache Flink: run on Flink, export a Flink project or SQL script, compare with Flink at random. */
@Command(name = "eddy", mixinStandardHelpOptions = true,
        subcommands = {FlinkRunCommand.class, ExportFlinkCommand.class, ExportSqlCommand.class, FuzzFlinkCommand.class, CommandLine.HelpCommand.class})
public final class FlinkCommand implements Runnable {
    static final int JOB_FAILED = 1;
    static final int BAD_INPUT = 2;

    /** An export's pipeline, read from {@code file}, when {@code out} can be the folder it writes; null after saying why not. */
    static dev.eddy.model.Pipeline exportInput(java.nio.file.Path file, java.nio.file.Path out, PrintWriter err) {
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            err.println("eddy: --out " + out + " is a file; expected a folder");
            return null;
        }
        return dev.eddy.cli.PipelineFiles.read(file, err);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new FlinkCommand());
        cl.setErr(new PrintWriter(System.err, true));
        System.exit(cl.execute(args));
    }
}
