package dev.eddy.cli;

import dev.eddy.docs.PipelineSchema;
import dev.eddy.docs.ReferenceDoc;
import dev.eddy.nodes.StandardCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write the node-type reference (node-types.md) and the pipeline JSON Schema (pipeline.schema.json), both generated from the catalog.")
final class DocsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "the directory to write into, e.g. docs")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("node-types.md"), ReferenceDoc.markdown(StandardCatalog.get()));
            Files.writeString(dir.resolve("pipeline.schema.json"), PipelineSchema.text(StandardCatalog.get()));
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("eddy: cannot write the docs into " + dir + ": " + dev.eddy.runtime.Failures.describe(e));
            return EddyCommand.BAD_INPUT;
        }
        spec.commandLine().getOut().println("wrote " + dir.resolve("node-types.md") + " and " + dir.resolve("pipeline.schema.json"));
        return 0;
    }
}
