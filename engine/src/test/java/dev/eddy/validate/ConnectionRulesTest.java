package dev.eddy.validate;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.model.Edge;
import dev.eddy.model.Pipeline;
import dev.eddy.nodes.StandardCatalog;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionRulesTest {
    private final ConnectionRules rules = new ConnectionRules(StandardCatalog.get());
    private final Pipeline p = pipeline(doc(null, "{\"id\": \"a\", \"type\": \"source.sequence\", \"params\": {\"to\": 3}},"
            + " {\"id\": \"b\", \"type\": \"map\", \"params\": {\"fields\": {\"v\": \"value\"}}},"
            + " {\"id\": \"u\", \"type\": \"union\"}, {\"id\": \"c\", \"type\": \"sink.discard\"}", chain("a", "b", "c")));

    @Test
    void aFreeInputAcceptsAnEdge() {
        assertEquals(Optional.empty(), rules.refusal(p, Edge.of("b", "u")));
        assertEquals(Optional.empty(), rules.refusal(p, Edge.of("a", "u")));
    }

    @Test
    void wrongConnectionsAreRefusedWithTheReason() {
        assertEquals(Optional.of("a node cannot feed itself"), rules.refusal(p, Edge.of("b", "b")));
        assertEquals(Optional.of("\"Sequence\" is a source: nothing flows into it"), rules.refusal(p, Edge.of("b", "a")));
        assertEquals(Optional.of("these two ports are already connected"), rules.refusal(p, Edge.of("a", "b")));
        assertEquals(Optional.of("input \"in\" of \"b\" takes one stream and already has \"a\"; merge streams with a union first"),
                rules.refusal(p, Edge.of("u", "b")));
        assertEquals(Optional.of("this edge would make a cycle: \"b\" already depends on \"a\""),
                rules.refusal(pipeline(doc(null, "{\"id\": \"a\", \"type\": \"map\", \"params\": {\"fields\": {\"v\": \"v\"}}},"
                        + " {\"id\": \"b\", \"type\": \"union\"}", chain("a", "b"))), Edge.of("b", "a")));
        assertEquals(Optional.of("\"c\" has no output \"out\""), rules.refusal(p, Edge.of("c", "u")));
    }
}
