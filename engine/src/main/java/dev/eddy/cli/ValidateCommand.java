package dev.eddy.cli;

import dev.eddy.model.Pipeline;
import dev.eddy.nodes.StandardCatalog;
import dev.eddy.validate.PipelineValidator;
import dev.eddy.validate.Problem;
import dev.eddy.validate.ValidationResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a pipeline file and list every problem, with its place in the file.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PIPELINE.json", description = "the pipeline file")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Pipeline p = PipelineFiles.read(file, err);
        if (p == null) return EddyCommand.BAD_INPUT;
        ValidationResult v = new PipelineValidator(StandardCatalog.get()).validate(p);
        for (Problem w : v.warnings()) out.println(file + ": " + w);
        if (v.hasErrors()) {
            err.println(file + ": " + v.errors().size() + (v.errors().size() == 1 ? " problem" : " problems"));
            for (Problem e : v.errors()) err.println("  " + e);
            return EddyCommand.BAD_INPUT;
        }
        out.println(file + ": valid (" + p.nodes().size() + " nodes, " + p.edges().size() + " edges)");
        return 0;
    }
}
