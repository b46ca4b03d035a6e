package dev.eddy.nodes;

import dev.eddy.runtime.OperatorContext;
import dev.eddy.types.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/** Output-port maps for binders: the main output, plus the errors port where a node has one. */
final class Bindings {
    private Bindings() {}

    static Map<String, Schema> out(Schema main) {
        Map<String, Schema> m = new LinkedHashMap<>();
        m.put("out", main);
        return m;
    }

    static Map<String, Schema> outWithErrors(Schema main) {
        Map<String, Schema> m = out(main);
        m.put(OperatorContext.ERRORS_PORT, OperatorContext.ERROR_SCHEMA);
        return m;
    }
}
