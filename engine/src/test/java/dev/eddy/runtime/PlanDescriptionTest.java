package dev.eddy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.model.PipelineReader;
import dev.eddy.run.PipelineRunner;
import dev.eddy.run.RunOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a pipeline file is deployed: its chains, exchanges and slots, as Flink's job graph and slot sharing would have them. */
class PlanDescriptionTest {
    private static PlanDescription plan(String sample, Integer parallelism) throws Exception {
        return PipelineRunner.standard().describe(PipelineReader.read(Path.of("../samples", sample, sample + ".json")),
                RunOptions.defaults().withParallelism(parallelism));
    }

    @Test
    void forwardEdgesOfEqualParallelismChainAndAKeyedEdgeIsAHashExchangeOfEverySenderToEveryReceiver() throws Exception {
        PlanDescription p = plan("late-sensor-readings", 2);
        assertEquals(List.of("sensors → eventTime", "byRoom → fiveSeconds → averages → tooLate"),
                p.tasks().stream().map(PlanDescription.TaskGroup::name).toList());
        assertEquals(List.of(new PlanDescription.Exchange("sensors", "byRoom", "eventTime", "byRoom", Partitioning.HASH, 4)), p.exchanges());
        assertEquals(2, p.slots());
        assertEquals(4, p.subtasks());
        assertEquals(2, p.inSlot(1).size(), "each slot holds one subtask of every task");
    }

    @Test
    void aSourceOfParallelismOneFeedingTwoSubtasksIsRebalancedAndTakesOnlyTheFirstSlot() throws Exception {
        PlanDescription p = plan("failure-and-recovery", 2);
        PlanDescription.TaskGroup source = p.tasks().get(0);
        assertEquals("payments", source.name());
        assertEquals(1, source.parallelism(), "a rows source runs as one subtask, as Flink's fromData");
        assertEquals(2, p.slots());
        assertEquals(List.of(source, p.tasks().get(1)), p.inSlot(0));
        assertEquals(List.of(p.tasks().get(1)), p.inSlot(1));
        assertEquals(Partitioning.HASH, p.exchanges().get(0).partitioning());
        assertEquals(2, p.exchanges().get(0).channels(), "one sender, two receivers");
    }

    @Test
    void theDesignerAndTheRunAgree() throws Exception {
        var pipeline = PipelineReader.read(Path.of("../samples/word-count/word-count.json"));
        var prepared = PipelineRunner.standard().prepare(pipeline, Path.of("../samples/word-count"), RunOptions.defaults()
                .withOutputDir(java.nio.file.Files.createTempDirectory("plan")));
        assertEquals(PipelineRunner.standard().describe(pipeline, RunOptions.defaults()), PlanDescription.of(prepared.spec()));
    }
}
