package dev.eddy.flink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.flink.diff.Differential;
import dev.eddy.flink.run.FlinkCluster;
import dev.eddy.flink.run.FlinkRunner;
import dev.eddy.model.PipelineReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample gives the same sink output on Flink as in Eddy. */
class SamplesOnFlinkTest {
    private static FlinkCluster cluster;

    @BeforeAll
    static void start() throws Exception { cluster = FlinkCluster.start(4); }

    @AfterAll
    static void stop() throws Exception { cluster.close(); }

    /** Samples whose results follow processing time, which is the wall clock in Flink: they cannot give the same output twice there. */
    static final java.util.Set<String> WALL_CLOCK = java.util.Set.of("time-notions");

    static Stream<String> samples() throws Exception {
        try (Stream<Path> dirs = Files.list(Path.of("../samples"))) {
            return dirs.filter(d -> Files.exists(d.resolve(d.getFileName() + ".json"))).map(d -> d.getFileName().toString())
                    .filter(s -> !WALL_CLOCK.contains(s))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.api.Timeout(120)
    @MethodSource("samples")
    void sameOutputAsEddy(String sample, @TempDir Path work) throws Exception {
        Path dir = Path.of("../samples", sample).toAbsolutePath().normalize();
        var outcome = new Differential(FlinkRunner.on(cluster)).compare(PipelineReader.read(dir.resolve(sample + ".json")), dir, work);
        System.out.println(sample + ":\n" + outcome.report());
        assertTrue(outcome.equal(), sample + " differs on Flink:\n" + outcome.report());
    }
}
