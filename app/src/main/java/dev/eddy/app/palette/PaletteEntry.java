package dev.eddy.app.palette;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.Preset;

/** One line of the palette: a node type, or a preset of one (Tumbling window is a window with assigner tumbling). */
public record PaletteEntry(NodeType type, Preset preset) {
    public String title() { return preset == null ? type.title() : preset.title(); }

    public String summary() { return preset == null ? type.summary() : preset.summary(); }

    /** The parameters a new node starts with. */
    public ObjectNode params() {
        return preset == null ? JsonNodeFactory.instance.objectNode() : preset.params().deepCopy();
    }

    public boolean matches(String query) {
        String q = query.strip().toLowerCase(java.util.Locale.ROOT);
        if (q.isEmpty()) return true;
        return (title() + " " + summary() + " " + type.id() + " " + type.category().title()).toLowerCase(java.util.Locale.ROOT).contains(q);
    }
}
