package dev.eddy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `eddy` command line: run, validate and describe pipelines without the designer. */
@Command(name = "eddy", mixinStandardHelpOptions = true, versionProvider = EddyCommand.Version.class,
        description = "Design-time stream processing with Apache Flink's semantics: run and check pipeline files.",
        subcommands = {RunCommand.class, CheckCommand.class, ValidateCommand.class, TypesCommand.class, DocsCommand.class,
                CommandLine.HelpCommand.class},
        // The launcher hands these to the designer and the Flink bridge; the help lists them all in one place.
        footerHeading = "%nCommands the launcher runs in Eddy's other parts (each is built on first use):%n",
        footer = {"  design    Open the designer, with a pipeline file or the start page; with",
                "              --capture DIR, play the pipeline and save pictures of the run.",
                "  run --on flink[=HOST:PORT]",
                "            Run a pipeline on Apache Flink: a cluster in this process, or a",
                "              running one through its REST endpoint.",
                "  export-flink",
                "            Write the DataStream job a person would write, with no Eddy inside.",
                "  export-sql",
                "            Write the pipeline as a Flink SQL script, where SQL can express it.",
                "  fuzz-flink",
                "            Run random pipelines on Eddy and on Flink and shrink any difference.",
                "%nSee eddy COMMAND --help for a command's options."})
public final class EddyCommand implements Runnable {
    /** Exit codes: 0 done, 1 the job failed while running, 2 the input (file, pipeline, options) is wrong. */
    static final int JOB_FAILED = 1;
    static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where print sinks write; the command's own messages go through picocli's writers. */
    final java.io.PrintStream stdout;

    EddyCommand(java.io.PrintStream stdout) { this.stdout = stdout; }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Each command's help, by the name its section in docs/guide/cli.md has: the launcher's ("eddy") and each subcommand's. */
    public static java.util.Map<String, String> usages() {
        CommandLine cl = new CommandLine(new EddyCommand(System.out));
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("eddy", dev.eddy.docs.CliReference.usage(cl));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) all.put(name, dev.eddy.docs.CliReference.usage(sub));
        });
        return all;
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    public static int execute(java.io.PrintStream out, java.io.PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new EddyCommand(out));
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("eddy: internal error (a bug in Eddy, please report it): " + e);
            if (System.getenv("EDDY_DEBUG") != null) e.printStackTrace(commandLine.getErr());
            else commandLine.getErr().println("Set EDDY_DEBUG=1 to see where it happened.");
            return JOB_FAILED;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("eddy: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EddyCommand.class.getPackage().getImplementationVersion();
            return new String[] {"eddy " + (v == null ? "development build" : v)};
        }
    }
}
