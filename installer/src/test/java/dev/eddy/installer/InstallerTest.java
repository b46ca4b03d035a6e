package dev.eddy.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer's own command builds the application image (jpackage, with its Java runtime),
 * and both of its launchers start from it as an installed copy would: the runner runs a sample
 * into files equal to the sample's expected ones, and the designer opens a sample, plays it and
 * saves its pictures (headless, through JavaFX's Monocle platform, which the image carries).
 */
class InstallerTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path IMAGE = ROOT.resolve("installer/target/image/Eddy");

    @TempDir
    Path work;

    @BeforeAll
    static void buildTheImage() throws Exception {
        Result r = run(Map.of(), ROOT.resolve("installer/build.sh").toString(), "--image", "--no-build");
        assertEquals(0, r.exit(), r.output());
        assertTrue(Files.isExecutable(IMAGE.resolve("bin/Eddy")) && Files.isExecutable(IMAGE.resolve("bin/eddy")), r.output());
        assertTrue(Files.isDirectory(IMAGE.resolve("lib/runtime")), "the image carries its Java runtime");
    }

    private record Result(int exit, String output) {}

    private static Result run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not end");
        return new Result(p.exitValue(), new String(out));
    }

    @Test
    void theInstalledRunnerRunsASampleIntoItsExpectedOutput() throws Exception {
        Path sample = IMAGE.resolve("lib/app/samples/word-count/word-count.json");
        Result r = run(Map.of(), IMAGE.resolve("bin/eddy").toString(), "run", sample.toString(), "--output", work.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("finished"), r.output());
        assertEquals(lines(ROOT.resolve("samples/word-count/expected/word-count")), lines(work.resolve("word-count")));
    }

    @Test
    void theInstalledDesignerOpensASamplePlaysItAndSavesItsPictures() throws Exception {
        Path sample = IMAGE.resolve("lib/app/samples/word-count/word-count.json");
        Path shots = work.resolve("shots");
        String headless = "-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true";
        Result r = run(Map.of("JAVA_TOOL_OPTIONS", headless), IMAGE.resolve("bin/Eddy").toString(), sample.toString(),
                "--capture", shots.toString(), "--seconds", "20");
        assertEquals(0, r.exit(), r.output());
        JsonNode capture = new ObjectMapper().readTree(shots.resolve("capture.json").toFile());
        assertEquals("Word count", capture.get("pipeline").asText());
        assertEquals("finished", capture.get("state").asText());
        assertEquals(88, capture.get("nodes").get("counts").get("recordsIn").asLong(), capture.toString());
        try (Stream<Path> pictures = Files.list(shots)) {
            List<Path> png = pictures.filter(f -> f.toString().endsWith(".png")).toList();
            assertTrue(png.size() >= 5, png.toString());
            for (Path f : png) assertTrue(Files.size(f) > 10_000, f + " is a picture of something");
        }
    }

    /** A folder's part files' lines, sorted (the part names are the engine's own). */
    private static List<String> lines(Path folder) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) all.addAll(Files.readAllLines(f));
        }
        all.sort(null);
        return all;
    }
}
