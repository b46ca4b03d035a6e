package dev.eddy.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.model.PipelineFileTest;
import dev.eddy.nodes.StandardCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reference and the JSON Schema are generated from the catalog; the checked-in copies must match. */
class GeneratedDocsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theNodeTypeReferenceIsCurrent() throws Exception {
        assertEquals(ReferenceDoc.markdown(StandardCatalog.get()), Files.readString(Path.of("../docs/node-types.md")),
                "docs/node-types.md is stale: run ./eddy docs docs");
    }

    @Test
    void theJsonSchemaIsCurrent() throws Exception {
        assertEquals(PipelineSchema.text(StandardCatalog.get()), Files.readString(Path.of("../docs/pipeline.schema.json")),
                "docs/pipeline.schema.json is stale: run ./eddy docs docs");
    }

    @Test
    void everySinkSaysWhatItCanPromiseAfterAFailure() {
        for (NodeType t : StandardCatalog.get().all()) {
            assertEquals(t.isSink(), t.delivery() != null, t.id() + ": a sink declares its delivery, other nodes do not");
        }
    }

    @Test
    void everyParameterIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("../docs/node-types.md"));
        for (NodeType t : StandardCatalog.get().all()) {
            assertTrue(doc.contains("### " + t.id() + "\n"), t.id());
            assertFalse(t.concept().isBlank(), t.id() + " explains its concept");
            for (ParamSpec p : t.params()) assertFalse(p.help().isBlank(), t.id() + "." + p.name() + " has help");
        }
    }

    @Test
    void everySampleConformsToTheSchemaAndABadFileDoesNot() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(MAPPER.readTree(Files.readString(Path.of("../docs/pipeline.schema.json"))));
        for (Path sample : PipelineFileTest.samplePipelines()) {
            Set<ValidationMessage> errors = schema.validate(MAPPER.readTree(Files.readString(sample)));
            assertTrue(errors.isEmpty(), sample + ": " + errors);
        }
        JsonNode bad = MAPPER.readTree("{\"format\": \"eddy.pipeline\", \"version\": 1, \"nodes\": [{\"id\": \"m\", \"type\": \"map\", \"params\": {\"feilds\": {}}}]}");
        Set<ValidationMessage> errors = schema.validate(bad);
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("feilds")), errors.toString());
    }

    @Test
    void theCommandLineReferenceHoldsEachEngineCommandsHelp() throws Exception {
        String page = Files.readString(Path.of("../docs/guide/cli.md"));
        for (var u : dev.eddy.cli.EddyCommand.usages().entrySet()) {
            assertEquals(u.getValue(), CliReference.section(page, u.getKey()), "docs/guide/cli.md is stale for " + u.getKey() + ": run ./eddy docs docs");
        }
    }
}
