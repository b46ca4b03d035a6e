package dev.eddy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.validate.InvalidPipelineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

public class PipelineFileTest {
    public static List<Path> samplePipelines() throws Exception {
        try (Stream<Path> s = Files.walk(Path.of("../samples"))) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("expected")
                    && !p.toString().contains("target")).sorted().toList();
        }
    }

    @Test
    void everySampleReadsAndWritesBackToTheSameBytes() throws Exception {
        List<Path> samples = samplePipelines();
        assertTrue(samples.size() >= 2, "the samples are there");
        for (Path file : samples) {
            String original = Files.readString(file);
            Pipeline p = PipelineReader.read(file);
            assertEquals(original, PipelineWriter.write(p), file + " is not in canonical form");
        }
    }

    @Test
    void aWrittenPipelineReadsBackEqual() throws Exception {
        Pipeline p = PipelineReader.read(Path.of("../samples/word-count/word-count.json"));
        Pipeline again = PipelineReader.read(PipelineWriter.write(p), "again");
        assertEquals(p, again);
        assertEquals(PipelineWriter.write(p), PipelineWriter.write(again));
    }

    @Test
    void hiddenDefaultsAreNotWrittenBack() throws Exception {
        String minimal = "{\"format\": \"eddy.pipeline\", \"version\": 1, \"nodes\": [{\"id\": \"s\", \"type\": \"source.sequence\"}], \"edges\": []}";
        String written = PipelineWriter.write(PipelineReader.read(minimal, "t"));
        assertEquals("""
                {
                  "format": "eddy.pipeline",
                  "version": 1,
                  "nodes": [
                    {
                      "id": "s",
                      "type": "source.sequence"
                    }
                  ],
                  "edges": []
                }
                """, written);
    }

    @Test
    void faultToleranceSettingsRoundTripAndBadOnesSayWhatIsExpected() throws Exception {
        String json = "{\"format\": \"eddy.pipeline\", \"version\": 1, \"settings\": {\"checkpointInterval\": \"2s\", \"restartAttempts\": 5,"
                + " \"restartDelay\": \"100ms\"}, \"nodes\": [{\"id\": \"s\", \"type\": \"source.sequence\"}], \"edges\": []}";
        Settings s = PipelineReader.read(json, "t").settings();
        assertEquals(new Settings(null, null, null, null, null, null, 2000L, 5, 100L, null, null, null, null), s);
        assertEquals(s, PipelineReader.read(PipelineWriter.write(PipelineReader.read(json, "t")), "again").settings());
        assertEquals(3, new Settings(null, null, null, null, null, null, 2000L, null, null, null, null, null, null).restartAttemptsOrDefault());
        assertEquals(0, Settings.DEFAULTS.restartAttemptsOrDefault());
        String bad = json.replace("\"2s\"", "2").replace("5,", "-1,");
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, () -> PipelineReader.read(bad, "f.json"));
        List<String> got = e.problems().stream().map(Object::toString).toList();
        assertTrue(got.contains("settings.checkpointInterval: 2 is not a duration such as 5s"), got.toString());
        assertTrue(got.contains("settings.restartAttempts: expected a whole number of 0 or more but found -1"), got.toString());
    }

    @Test
    void aDeliveryGuaranteeRoundTripsAndOneThatRestoresNeedsCheckpointsWhileAtMostOnceTakesNone() throws Exception {
        String json = "{\"format\": \"eddy.pipeline\", \"version\": 1, \"settings\": SETTINGS,"
                + " \"nodes\": [{\"id\": \"s\", \"type\": \"source.sequence\"}], \"edges\": []}";
        String ok = json.replace("SETTINGS", "{\"checkpointInterval\": \"1s\", \"deliveryGuarantee\": \"at-least-once\"}");
        Settings s = PipelineReader.read(ok, "t").settings();
        assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, s.deliveryGuarantee());
        assertEquals(s, PipelineReader.read(PipelineWriter.write(PipelineReader.read(ok, "t")), "again").settings());
        assertEquals(DeliveryGuarantee.EXACTLY_ONCE,
                new Settings(null, null, null, null, null, null, 1000L, null, null, null, null, null, null).deliveryGuaranteeOrDefault());
        assertEquals(null, Settings.DEFAULTS.deliveryGuaranteeOrDefault());
        assertEquals(List.of("settings.deliveryGuarantee: exactly-once restores from checkpoints: set settings.checkpointInterval too, e.g. \"1s\""),
                validation(json.replace("SETTINGS", "{\"deliveryGuarantee\": \"exactly-once\"}")));
        assertEquals(List.of("settings.deliveryGuarantee: at-most-once takes no checkpoints: leave settings.checkpointInterval out,"
                + " or choose at-least-once or exactly-once"),
                validation(json.replace("SETTINGS", "{\"deliveryGuarantee\": \"at-most-once\", \"checkpointInterval\": \"1s\"}")));
        assertEquals(List.of("settings.deliveryGuarantee: expected \"at-most-once\", \"at-least-once\" or \"exactly-once\" but found \"twice\""),
                problems(json.replace("SETTINGS", "{\"deliveryGuarantee\": \"twice\"}")));
    }

    /** What validation says of a pipeline the reader takes: the settings do not go together. */
    private static List<String> validation(String json) throws Exception {
        var v = new dev.eddy.validate.PipelineValidator(dev.eddy.nodes.StandardCatalog.get()).validate(PipelineReader.read(json, "f.json"));
        return v.errors().stream().map(Object::toString).toList();
    }

    private static List<String> problems(String json) {
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, () -> PipelineReader.read(json, "f.json"));
        return e.problems().stream().map(Object::toString).toList();
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class,
                () -> PipelineReader.read("{\n  \"format\": \"eddy.pipeline\",\n  \"version\": 1,,\n}", "broken.json"));
        assertTrue(e.getMessage().startsWith("broken.json: 1 problem"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3, column"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void structuralProblemsAreAllReportedWithTheirPaths() {
        String json = """
                {"format": "eddy.pipelin", "version": 2, "colour": "red",
                 "settings": {"parallelism": 0, "mode": "fast"},
                 "nodes": [{"id": "a b", "type": "map"}, {"id": "x", "type": 3}, {"id": "y", "type": "filter", "prams": {}}],
                 "edges": [{"from": "x"}]}
                """;
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, () -> PipelineReader.read(json, "f.json"));
        List<String> got = e.problems().stream().map(Object::toString).toList();
        assertTrue(got.contains("format: expected \"eddy.pipeline\" but found \"eddy.pipelin\""), got.toString());
        assertTrue(got.contains("version: this Eddy reads version 1 files but the file is version 2"), got.toString());
        assertTrue(got.stream().anyMatch(s -> s.startsWith("colour: unknown top-level field \"colour\"")), got.toString());
        assertTrue(got.contains("settings.parallelism: expected a whole number of at least 1 but found 0"), got.toString());
        assertTrue(got.contains("settings.mode: expected \"streaming\" or \"batch\" but found \"fast\""), got.toString());
        assertTrue(got.stream().anyMatch(s -> s.startsWith("nodes[0].id: \"a b\" is not a valid id")), got.toString());
        assertTrue(got.contains("nodes[1].type: expected a string but found 3"), got.toString());
        assertTrue(got.stream().anyMatch(s -> s.startsWith("nodes[2].prams: unknown node field \"prams\"")), got.toString());
        assertTrue(got.contains("edges[0].to: the field is missing; expected a string"), got.toString());
        assertEquals(9, got.size(), got.toString());
    }

    @Test
    void duplicateKeysAreRejected() {
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class,
                () -> PipelineReader.read("{\"format\": \"eddy.pipeline\", \"format\": \"x\"}", "d.json"));
        assertTrue(e.getMessage().contains("Duplicate field 'format'"), e.getMessage());
    }
}
