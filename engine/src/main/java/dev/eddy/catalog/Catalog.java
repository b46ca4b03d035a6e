package dev.eddy.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All node types by id, in palette order. */
public final class Catalog {
    private final Map<String, NodeType> types = new LinkedHashMap<>();

    public Catalog(List<NodeType> all) {
        for (NodeType t : all) {
            if (types.put(t.id(), t) != null) throw new IllegalArgumentException("node type " + t.id() + " declared twice");
        }
    }

    public Optional<NodeType> type(String id) { return Optional.ofNullable(types.get(id)); }

    public List<NodeType> all() { return Collections.unmodifiableList(new ArrayList<>(types.values())); }

    public List<String> ids() { return List.copyOf(types.keySet()); }

    public List<NodeType> inCategory(Category c) {
        return types.values().stream().filter(t -> t.category() == c).toList();
    }
}
