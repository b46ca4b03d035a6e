package dev.eddy.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.flink.export.FlinkProject;
import dev.eddy.model.PipelineReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `eddy export-flink` writes Java that compiles against Flink, and the job it builds gives Eddy's output. */
class ExportFlinkTest {
    private static Path compile(Path project) throws Exception {
        Path source;
        try (Stream<Path> s = Files.walk(project.resolve("src"))) {
            source = s.filter(f -> f.toString().endsWith(".java")).findFirst().orElseThrow();
        }
        Path classes = Files.createDirectories(project.resolve("classes"));
        var compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
        try (var files = compiler.getStandardFileManager(problems, Locale.ROOT, null)) {
            boolean ok = compiler.getTask(null, files, problems, List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                    "-Xlint:none"), null, files.getJavaFileObjects(source)).call();
            assertTrue(ok, problems.getDiagnostics().toString() + "\n" + Files.readString(source));
        }
        return classes;
    }

    @Test
    void everySampleExportsToCodeThatCompiles(@TempDir Path work) throws Exception {
        try (Stream<Path> dirs = Files.list(Path.of("../samples"))) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path file = d.resolve(d.getFileName() + ".json");
                if (!Files.exists(file)) continue;
                Path project = work.resolve(d.getFileName());
                FlinkProject.Written w = FlinkProject.write(PipelineReader.read(file), d.toAbsolutePath(), project);
                compile(project);
                assertTrue(Files.exists(project.resolve("pom.xml")) && Files.exists(project.resolve("lib/dev/eddy/eddy-flink")), w.toString());
                String code = Files.readString(w.source());
                assertTrue(code.contains("static final String PIPELINE = \"\"\""), code);
            }
        }
    }

    @Test
    void theExportedJobPrintsWhatEddyPrints(@TempDir Path work) throws Exception {
        Path dir = Path.of("../samples/basic-operations").toAbsolutePath().normalize();
        FlinkProject.Written w = FlinkProject.write(PipelineReader.read(dir.resolve("basic-operations.json")), dir, work);
        String code = Files.readString(w.source());
        assertTrue(code.contains("KeyedStream<Row, Object> byCountry = countryTel.keyBy(new KeyFunction(pipeline, \"byCountry\"));"), code);
        Path classes = compile(work);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream before = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(bytes, true));
            loader.loadClass("eddy.job.BasicOperationsJob").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(before);
        }
        List<String> printed = new ArrayList<>(bytes.toString().lines().filter(l -> l.contains("> ")).toList());
        List<String> expected = new ArrayList<>(Files.readAllLines(dir.resolve("expected/stdout.txt")));
        printed.sort(null);
        expected.sort(null);
        assertEquals(expected, printed);
    }
}
