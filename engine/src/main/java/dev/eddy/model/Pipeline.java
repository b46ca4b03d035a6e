package dev.eddy.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A whole pipeline file: an immutable value that the designer edits by making new ones. {@code lesson} is null but in lessons. */
public record Pipeline(String name, String description, Settings settings, List<Node> nodes, List<Edge> edges,
                       Map<String, Position> layout, Lesson lesson) {
    public static final String FORMAT = "eddy.pipeline";
    public static final int VERSION = 1;

    public Pipeline {
        settings = settings == null ? Settings.DEFAULTS : settings;
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        layout = layout == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layout));
    }

    public Optional<Node> node(String id) {
        for (Node n : nodes) if (n.id().equals(id)) return Optional.of(n);
        return Optional.empty();
    }

    public Pipeline withSettings(Settings s) {
        return new Pipeline(name, description, Objects.requireNonNull(s), nodes, edges, layout, lesson);
    }
}
