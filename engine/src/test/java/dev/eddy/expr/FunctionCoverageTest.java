package dev.eddy.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the promise that every function in the catalog is exercised by at least one test here. */
class FunctionCoverageTest {
    @Test
    void everyFunctionIsCalledInSomeTest() throws IOException {
        Path dir = Path.of("src/test/java/dev/eddy/expr");
        String tests;
        try (Stream<Path> files = Files.list(dir)) {
            tests = files.filter(p -> !p.getFileName().toString().equals("FunctionCoverageTest.java"))
                    .map(FunctionCoverageTest::read).collect(Collectors.joining("\n"));
        }
        List<String> untested = FunctionCatalog.all().stream().map(FunctionDoc::name)
                .filter(name -> !Pattern.compile("\\b" + name + "\\(").matcher(tests).find())
                .collect(Collectors.toList());
        assertEquals(List.of(), untested, "functions no test calls");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
