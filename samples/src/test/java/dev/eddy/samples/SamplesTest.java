package dev.eddy.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.model.RuntimeMode;
import dev.eddy.nodes.StandardCatalog;
import dev.eddy.run.PipelineRunner;
import dev.eddy.run.RunOptions;
import dev.eddy.runtime.driver.JobResult;
import dev.eddy.validate.PipelineValidator;
import dev.eddy.validate.ValidationResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample validates, runs to its end on bounded input, and produces exactly the files (and
 * standard output) in its expected/ folder (expected-NAME/ for NAME.json in a folder of several),
 * and in expected-batch/ when run with --mode batch. The lessons (lessons/) have no expected output:
 * {@link LessonsTest} judges them.
 */
class SamplesTest {
    private static final Path SAMPLES = Path.of(".").toAbsolutePath().normalize();

    static List<Path> pipelines() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SAMPLES)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (d.getFileName().toString().equals("src") || d.getFileName().toString().equals("target")) continue;
                try (Stream<Path> files = Files.list(d)) {
                    files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> everySampleMatchesItsExpectedOutput() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> all = pipelines();
        assertTrue(all.size() >= 2, "samples found in " + SAMPLES);
        for (Path p : all) {
            Path dir = p.getParent();
            tests.add(DynamicTest.dynamicTest(dir.getFileName() + " validates", () -> validates(p)));
            // A folder of several pipelines (variants side by side) keeps each one's output in expected-<name>/.
            String stem = p.getFileName().toString().replaceFirst("\\.json$", "");
            Path own = dir.resolve("expected-" + stem);
            if (Files.isDirectory(own)) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + "/" + stem + " streaming", () -> matches(p, RuntimeMode.STREAMING, own)));
            } else if (Files.isDirectory(dir.resolve("expected"))) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + " streaming", () -> matches(p, RuntimeMode.STREAMING, dir.resolve("expected"))));
            }
            if (Files.isDirectory(dir.resolve("expected-batch"))) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + " batch", () -> matches(p, RuntimeMode.BATCH, dir.resolve("expected-batch"))));
            }
            assertTrue(Files.exists(dir.resolve("README.md")), dir + " explains what to watch");
        }
        return tests;
    }

    private static void validates(Path p) throws Exception {
        Pipeline pipeline = PipelineReader.read(p);
        ValidationResult v = new PipelineValidator(StandardCatalog.get()).validate(pipeline);
        assertFalse(v.hasErrors(), v.problems().toString());
        // A lesson may start where the validator has advice: taking it can be the task.
        if (pipeline.lesson() == null) assertTrue(v.warnings().isEmpty(), v.warnings().toString());
    }

    private static void matches(Path file, RuntimeMode mode, Path expected) throws Exception {
        Path out = Files.createTempDirectory("eddy-sample");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Pipeline p = PipelineReader.read(file);
        JobResult r = PipelineRunner.standard().prepare(p, file.getParent(), RunOptions.defaults().withMode(mode)
                .withOutputDir(out).withStdout(new PrintStream(stdout, true, StandardCharsets.UTF_8))).run();
        assertTrue(r.succeeded(), file + ": " + r.failure());
        try (Stream<Path> files = Files.walk(expected)) {
            for (Path e : files.filter(Files::isRegularFile).toList()) {
                String rel = expected.relativize(e).toString();
                String actual = rel.equals("stdout.txt") ? stdout.toString(StandardCharsets.UTF_8) : Files.readString(out.resolve(rel));
                assertEquals(Files.readString(e), actual, file.getFileName() + " " + mode + ": " + rel);
            }
        }
    }
}
