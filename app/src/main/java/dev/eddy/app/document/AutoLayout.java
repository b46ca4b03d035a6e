package dev.eddy.app.document;

import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Left-to-right layered layout for files written by hand: each node goes one column right of its
 * furthest input, and nodes in a column are ordered by where their inputs sit, which keeps most
 * edges from crossing in the small graphs people draw.
 */
public final class AutoLayout {
    public static final double COLUMN = 240;
    public static final double ROW = 130;
    public static final double MARGIN = 40;

    private AutoLayout() {}

    /** Positions for every node; nodes that already have one keep it unless {@code all} is set. */
    public static Pipeline apply(Pipeline p, boolean all) {
        if (!all && p.nodes().stream().allMatch(n -> p.layout().containsKey(n.id()))) return p;
        Map<String, Integer> column = columns(p);
        Map<Integer, List<String>> byColumn = new java.util.TreeMap<>();
        for (Node n : p.nodes()) byColumn.computeIfAbsent(column.get(n.id()), c -> new ArrayList<>()).add(n.id());
        Map<String, Double> row = new HashMap<>();
        Map<String, Position> placed = new LinkedHashMap<>();
        for (List<String> ids : byColumn.values()) {
            ids.sort(java.util.Comparator.comparingDouble(id -> meanInputRow(p, id, row)));
            for (int i = 0; i < ids.size(); i++) {
                row.put(ids.get(i), (double) i);
                placed.put(ids.get(i), new Position(MARGIN + column.get(ids.get(i)) * COLUMN, MARGIN + i * ROW));
            }
        }
        Map<String, Position> layout = new LinkedHashMap<>();
        double shiftY = all ? 0 : below(p);
        for (Node n : p.nodes()) {
            Position old = p.layout().get(n.id());
            Position fresh = placed.get(n.id());
            layout.put(n.id(), !all && old != null ? old : new Position(fresh.x(), fresh.y() + shiftY));
        }
        return Edits.with(p, p.nodes(), p.edges(), layout);
    }

    private static double below(Pipeline p) {
        return p.layout().values().stream().mapToDouble(pos -> pos.y() + ROW).max().orElse(0);
    }

    private static double meanInputRow(Pipeline p, String id, Map<String, Double> row) {
        return p.edges().stream().filter(e -> e.to().equals(id) && row.containsKey(e.from()))
                .mapToDouble(e -> row.get(e.from())).average().orElse(Double.MAX_VALUE / 2);
    }

    /** Longest path from a source; a cycle (an invalid file) is cut where it is met. */
    private static Map<String, Integer> columns(Pipeline p) {
        Map<String, Integer> column = new HashMap<>();
        for (Node n : p.nodes()) column.put(n.id(), 0);
        for (int round = 0; round < p.nodes().size(); round++) {
            boolean changed = false;
            for (Edge e : p.edges()) {
                Integer from = column.get(e.from());
                Integer to = column.get(e.to());
                if (from != null && to != null && to < from + 1) {
                    column.put(e.to(), from + 1);
                    changed = true;
                }
            }
            if (!changed) break;
        }
        return column;
    }
}
