package dev.eddy.docs;

import dev.eddy.catalog.Catalog;
import dev.eddy.catalog.Category;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.catalog.PortSpec;
import dev.eddy.catalog.Preset;
import java.util.List;

/** docs/node-types.md, generated from the catalog: every node type with its parameters and ports. */
public final class ReferenceDoc {
    private ReferenceDoc() {}

    public static String markdown(Catalog catalog) {
        StringBuilder b = new StringBuilder();
        b.append("# Node types\n\n");
        b.append("Generated from the engine's catalog by `./eddy docs docs/`; do not edit by hand.\n");
        b.append("The pipeline file format is described in [pipeline-file.md](pipeline-file.md), expressions in\n");
        b.append("[expressions.md](expressions.md).\n\n");
        for (Category c : Category.values()) {
            List<NodeType> types = catalog.inCategory(c);
            if (types.isEmpty()) continue;
            b.append("- **").append(c.title()).append("**: ");
            b.append(String.join(", ", types.stream().map(t -> "[`" + t.id() + "`](#" + anchor(t.id()) + ")").toList()));
            b.append('\n');
        }
        for (Category c : Category.values()) {
            List<NodeType> types = catalog.inCategory(c);
            if (types.isEmpty()) continue;
            b.append("\n## ").append(c.title()).append('\n');
            for (NodeType t : types) type(t, b);
        }
        return b.toString();
    }

    private static void type(NodeType t, StringBuilder b) {
        b.append("\n### ").append(t.id()).append("\n\n");
        b.append("**").append(t.title()).append("**: ").append(t.summary()).append(".\n\n");
        b.append(t.concept()).append("\n\n");
        if (!t.params().isEmpty()) {
            b.append("| parameter | kind | default | description |\n| --- | --- | --- | --- |\n");
            for (ParamSpec p : t.params()) {
                String dflt = p.required() ? "required" : p.hasDefault() ? "`" + p.defaultValue().toString().replace("|", "\\|") + "`" : "";
                String kind = p.kind().description() + (p.choices().isEmpty() ? "" : ": " + String.join(", ", p.choices()));
                b.append("| `").append(p.name()).append("` | ").append(kind).append(" | ").append(dflt).append(" | ")
                        .append(p.help().replace("|", "\\|")).append(" |\n");
            }
            b.append('\n');
        }
        b.append("Inputs: ").append(ports(t.inputs())).append(". Outputs: ").append(ports(t.outputs())).append(".");
        if (t.keyed()) b.append(" Needs a keyed stream (directly after a `key-by`).");
        if (t.keying() == dev.eddy.catalog.NodeType.Keying.OPTIONAL) {
            b.append(" Per key after a `key-by`; otherwise over the whole stream in one subtask.");
        }
        if (t.maxParallelism() == 1) b.append(" Runs in a single subtask.");
        b.append('\n');
        if (t.delivery() != null) {
            b.append("\nAfter a failure: at best ").append(t.delivery().best().id()).append("; ").append(t.delivery().how()).append(".\n");
        }
        if (t.onFlink().translates()) b.append("\nOn Flink: ").append(t.onFlink().api()).append(".\n");
        for (Preset p : t.presets()) {
            b.append("\nPreset *").append(p.title()).append("* (").append(p.summary()).append("): `")
                    .append(p.params().toString()).append("`\n");
        }
    }

    private static String ports(List<PortSpec> ports) {
        if (ports.isEmpty()) return "none";
        return String.join(", ", ports.stream().map(p -> "`" + p.name() + "`" + (p.many() ? " (any number of edges)" : "")).toList());
    }

    private static String anchor(String id) { return id.replace(".", "").toLowerCase(java.util.Locale.ROOT); }
}
