package dev.eddy.app.canvas;

import dev.eddy.model.Edge;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.scene.shape.CubicCurve;

/**
 * A connection being dragged out of an output port: the loose curve that follows the pointer,
 * and the verdict on every input port it could land on, shown by lighting them up.
 */
final class ConnectionGesture {
    private final PortView from;
    private final Point2D start;
    private final CubicCurve curve = new CubicCurve();
    private final Function<Edge, Optional<String>> refusal;

    ConnectionGesture(PortView from, Point2D start, Function<Edge, Optional<String>> refusal) {
        this.from = from;
        this.start = start;
        this.refusal = refusal;
        curve.getStyleClass().add("edge-loose");
        curve.setMouseTransparent(true);
        follow(start);
    }

    CubicCurve curve() { return curve; }

    void follow(Point2D pointer) { EdgeView.shape(curve, start, pointer); }

    Edge edgeTo(PortView target) {
        return new Edge(from.nodeId(), from.spec().name(), target.nodeId(), target.spec().name());
    }

    /** Why landing on this port would be refused, or empty when it would connect. */
    Optional<String> verdict(PortView target) {
        if (!target.isInput()) return Optional.of("connect an output port to an input port");
        return refusal.apply(edgeTo(target));
    }

    void light(Iterable<PortView> inputs) {
        for (PortView p : inputs) p.mark(verdict(p).isEmpty() ? "port-valid" : "port-invalid");
    }

    static void unlight(Iterable<PortView> inputs) {
        for (PortView p : inputs) p.mark(null);
    }
}
