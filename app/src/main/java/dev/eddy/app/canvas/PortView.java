package dev.eddy.app.canvas;

import dev.eddy.catalog.PortSpec;
import javafx.scene.shape.Circle;

/** A port on a node card: outputs start a connection, inputs accept one. */
public final class PortView extends Circle {
    static final double RADIUS = 6;

    private final String nodeId;
    private final PortSpec spec;
    private final boolean input;

    PortView(String nodeId, PortSpec spec, boolean input) {
        super(RADIUS, RADIUS, RADIUS);
        this.nodeId = nodeId;
        this.spec = spec;
        this.input = input;
        getStyleClass().addAll("port", input ? "port-in" : "port-out");
        setId("port-" + nodeId + "-" + (input ? "in-" : "out-") + spec.name());
    }

    public String nodeId() { return nodeId; }

    public PortSpec spec() { return spec; }

    public boolean isInput() { return input; }

    void mark(String state) {
        getStyleClass().removeAll("port-valid", "port-invalid");
        if (state != null) getStyleClass().add(state);
    }
}
