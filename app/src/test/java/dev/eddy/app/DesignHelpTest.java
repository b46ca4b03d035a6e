package dev.eddy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.docs.CliReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/guide/cli.md holds `eddy design --help` as the designer prints it (-Deddy.updateDocs=true writes it there). */
class DesignHelpTest {
    @Test
    void theCommandLineReferenceHoldsTheDesignersHelp() throws Exception {
        Path page = Path.of("../docs/guide/cli.md");
        String usage = CliReference.usage(new CommandLine(new DesignOptions()));
        if (Boolean.getBoolean("eddy.updateDocs")) Files.writeString(page, CliReference.withSection(Files.readString(page), "design", usage));
        assertEquals(usage, CliReference.section(Files.readString(page), "design"),
                "docs/guide/cli.md is stale for design: run ./mvnw -pl app test -Dtest=DesignHelpTest -Deddy.updateDocs=true");
    }
}
