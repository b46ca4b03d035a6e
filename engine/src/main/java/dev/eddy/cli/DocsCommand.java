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
        description = {"Write the references generated from the code: node types, the pipeline schema, the commands' help.",
                "DIR/node-types.md and DIR/pipeline.schema.json come from the catalog; the help of these commands goes into"
                        + " DIR/guide/cli.md, between its markers."})
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
            Path cli = dir.resolve("guide").resolve("cli.md");
            if (Files.exists(cli)) {
                String page = Files.readString(cli);
                for (var u : EddyCommand.usages().entrySet()) page = dev.eddy.docs.CliReference.withSection(page, u.getKey(), u.getValue());
                Files.writeString(cli, page);
            }
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("eddy: cannot write the docs into " + dir + ": " + dev.eddy.runtime.Failures.describe(e));
            return EddyCommand.BAD_INPUT;
        }
        spec.commandLine().getOut().println("wrote " + dir.resolve("node-types.md") + ", " + dir.resolve("pipeline.schema.json")
                + (Files.exists(dir.resolve("guide/cli.md")) ? " and the engine's commands in " + dir.resolve("guide/cli.md") : ""));
        return 0;
    }
}
