package dev.eddy.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.catalog.NodeType;
import dev.eddy.flink.translate.FlinkTranslator;
import dev.eddy.model.PipelineReader;
import dev.eddy.nodes.StandardCatalog;
import dev.eddy.validate.FlinkReadiness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every node type of the catalog says what it becomes on Flink, and the translator has it. */
class CatalogOnFlinkTest {
    @Test
    void everyNodeTypeTranslates() {
        for (NodeType t : StandardCatalog.get().all()) {
            assertTrue(t.onFlink().translates(), t.id() + " declares no Flink API");
            assertTrue(FlinkTranslator.translates(t.id()), t.id() + " has no translation");
        }
    }

    @Test
    void whatFlinkCannotRunIsAnErrorOnTheNodeWithTheReason() throws Exception {
        var p = PipelineReader.read("""
                {"format": "eddy.pipeline", "version": 1, "nodes": [
                  {"id": "in", "type": "source.scripted", "params": {"schema": {"k": "STRING"},
                    "steps": [{"record": {"k": "a"}, "ts": 1}, {"processingTime": 5000}]}},
                  {"id": "w", "type": "window", "params": {"size": "1s", "trigger": "end-of-stream", "aggregates": {"n": "COUNT(*)"}}},
                  {"id": "out", "type": "sink.trace", "params": {"path": "t.jsonl"}}],
                 "edges": [{"from": "in", "to": "w"}, {"from": "w", "to": "out"}]}""", "test");
        List<String> problems = FlinkReadiness.problems(p, StandardCatalog.get()).stream().map(Object::toString).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("\"in\" (source.scripted) cannot run on Flink: processingTime steps"), problems.toString());
        assertTrue(problems.get(1).contains("end-of-stream trigger belongs to GlobalWindows"), problems.toString());
    }
}
