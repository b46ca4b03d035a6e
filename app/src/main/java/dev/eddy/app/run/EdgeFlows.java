package dev.eddy.app.run;

import dev.eddy.app.canvas.PipelineCanvas;
import dev.eddy.model.Edge;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.Observation;
import dev.eddy.types.Schema;
import dev.eddy.validate.ValidationResult;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The records crossing each edge: the last few that left a node's port (hover the edge to read
 * them, with the run's times), and whether any did since the last frame (the edge lights up).
 */
final class EdgeFlows implements RunView {
    static final int LAST = 5;

    private final PipelineCanvas canvas;
    private final Map<String, Schema> schemaOf = new HashMap<>();
    /** The last samples per edge, formatted only when drawn: a run flat out sends millions. */
    private final Map<String, ArrayDeque<Observation.RecordSampled>> recent = new LinkedHashMap<>();
    private long lastDrawn;
    private final Set<String> crossed = new HashSet<>();
    private boolean changed;

    EdgeFlows(Pipeline pipeline, ValidationResult validation, PipelineCanvas canvas) {
        this.canvas = canvas;
        for (Edge e : pipeline.edges()) {
            String key = e.from() + "/" + e.outPort();
            schemaOf.put(key, validation.schema(e.from(), e.outPort()));
        }
    }

    @Override
    public void reset() {
        recent.clear();
        crossed.clear();
        changed = true;
        lastDrawn = 0;
    }

    @Override
    public void accept(Observation o) {
        if (!(o instanceof Observation.RecordSampled r) || "in".equals(r.port())) return;
        String key = r.node() + "/" + r.port();
        if (!schemaOf.containsKey(key)) return;
        ArrayDeque<Observation.RecordSampled> last = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        last.addFirst(r);
        if (last.size() > LAST) last.removeLast();
        crossed.add(key);
        changed = true;
    }

    @Override
    public void frame() {
        // Ten times a second is often enough for a light and a tooltip.
        if (!changed || System.nanoTime() - lastDrawn < 100_000_000L) return;
        lastDrawn = System.nanoTime();
        Map<String, PipelineCanvas.EdgeFlow> flows = new HashMap<>();
        recent.forEach((key, last) -> {
            StringBuilder b = new StringBuilder("The last records that crossed (newest first):");
            for (Observation.RecordSampled r : last) {
                b.append('\n').append(Charts.clock(r.time()));
                if (r.timestamp() != Long.MIN_VALUE) b.append("  event time ").append(Charts.clock(r.timestamp()));
                b.append("  subtask ").append(r.subtask()).append("\n    ").append(OutputView.text(schemaOf.get(key), r.row()));
            }
            flows.put(key, new PipelineCanvas.EdgeFlow(b.toString(), crossed.contains(key)));
        });
        canvas.showFlows(flows);
        // An edge stays lit for one frame after its last record; then the next frame turns it off.
        changed = !crossed.isEmpty();
        crossed.clear();
    }
}
