package dev.eddy.flink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.flink.diff.Differential;
import dev.eddy.flink.diff.Fuzzer;
import dev.eddy.flink.run.FlinkCluster;
import dev.eddy.flink.run.FlinkRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random pipelines and inputs from fixed seeds give the same output on Flink as in Eddy. */
class FuzzOnFlinkTest {
    @Test
    void randomPipelinesAgree(@TempDir Path work) throws Exception {
        // 200 cases take about 40 s; `./eddy fuzz-flink --cases N` runs more.
        int cases = Integer.getInteger("eddy.fuzz.cases", 200);
        try (FlinkCluster cluster = FlinkCluster.start(4)) {
            Fuzzer.Report r = new Fuzzer(new Differential(FlinkRunner.on(cluster)), work).run(20261125L, cases, System.out::println);
            System.out.println(r.cases() + " cases, " + r.skipped() + " refused by validation and skipped");
            assertTrue(r.clean(), r.difference());
        }
    }
}
