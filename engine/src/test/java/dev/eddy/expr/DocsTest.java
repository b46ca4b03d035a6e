package dev.eddy.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/expressions.md must list exactly the functions of the catalog. Runs from the engine module directory. */
class DocsTest {
    private static final Path DOC = Path.of("../docs/expressions.md");

    @Test
    void everyFunctionIsDocumentedWithItsSignature() throws IOException {
        String doc = Files.readString(DOC);
        List<String> missing = new ArrayList<>();
        for (FunctionDoc f : FunctionCatalog.all()) {
            if (!doc.contains(f.name())) missing.add(f.name());
            else if (!doc.contains("| `" + f.signature() + "` | `" + f.returns() + "` |")) missing.add(f.signature());
        }
        assertEquals(List.of(), missing, "not in " + DOC + " (or with another signature)");
    }

    @Test
    void everyDocumentedFunctionExists() throws IOException {
        Set<String> names = FunctionCatalog.all().stream().map(FunctionDoc::name).collect(Collectors.toSet());
        String doc = Files.readString(DOC);
        int start = doc.indexOf("\n## Functions");
        String section = doc.substring(start, doc.indexOf("\n## ", start + 1));
        Matcher rows = Pattern.compile("(?m)^\\| `([A-Z_0-9]+)\\(").matcher(section);
        List<String> unknown = new ArrayList<>();
        int count = 0;
        while (rows.find()) {
            count++;
            if (!names.contains(rows.group(1))) unknown.add(rows.group(1));
        }
        assertEquals(List.of(), unknown, "documented but not in FunctionCatalog");
        assertEquals(names.size(), count, "function table rows");
    }
}
