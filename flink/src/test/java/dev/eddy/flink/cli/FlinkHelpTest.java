package dev.eddy.flink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.docs.CliReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/guide/cli.md holds the Flink bridge's commands' help as they print it (-Deddy.updateDocs=true writes it there). */
class FlinkHelpTest {
    @Test
    void theCommandLineReferenceHoldsTheFlinkCommandsHelp() throws Exception {
        Path page = Path.of("../docs/guide/cli.md");
        CommandLine cl = new CommandLine(new FlinkCommand());
        Map<String, String> sections = Map.of("run --on flink", "run", "export-flink", "export-flink", "export-sql", "export-sql",
                "fuzz-flink", "fuzz-flink");
        for (var s : sections.entrySet()) {
            String usage = CliReference.usage(cl.getSubcommands().get(s.getValue()));
            if (Boolean.getBoolean("eddy.updateDocs")) Files.writeString(page, CliReference.withSection(Files.readString(page), s.getKey(), usage));
            assertEquals(usage, CliReference.section(Files.readString(page), s.getKey()),
                    "docs/guide/cli.md is stale for " + s.getKey() + ": run ./mvnw -pl flink test -Dtest=FlinkHelpTest -Deddy.updateDocs=true");
        }
    }
}
