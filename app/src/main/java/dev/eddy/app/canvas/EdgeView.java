package dev.eddy.app.canvas;

import dev.eddy.model.Edge;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

/** An edge drawn as a curve from an output port to an input port, ending in an arrow. */
public final class EdgeView extends Group {
    private final Edge edge;
    private final CubicCurve curve = new CubicCurve();
    private final CubicCurve hitArea = new CubicCurve();
    private final Polygon arrow = new Polygon();

    EdgeView(Edge edge) {
        this.edge = edge;
        getStyleClass().add("edge");
        curve.getStyleClass().add("edge-line");
        hitArea.getStyleClass().add("edge-hit");
        arrow.getStyleClass().add("edge-arrow");
        curve.setMouseTransparent(true);
        arrow.setMouseTransparent(true);
        getChildren().addAll(hitArea, curve, arrow);
        setId("edge-" + edge.from() + "-" + edge.outPort() + "-" + edge.to() + "-" + edge.inPort());
    }

    public Edge edge() { return edge; }

    void connect(Point2D from, Point2D to) {
        shape(curve, from, to);
        shape(hitArea, from, to);
        double tipX = to.getX() - 1;
        arrow.getPoints().setAll(tipX, to.getY(), tipX - 10, to.getY() - 5, tipX - 10, to.getY() + 5);
    }

    static void shape(CubicCurve c, Point2D from, Point2D to) {
        double pull = Math.max(50, Math.abs(to.getX() - from.getX()) / 2);
        c.setStartX(from.getX());
        c.setStartY(from.getY());
        c.setControlX1(from.getX() + pull);
        c.setControlY1(from.getY());
        c.setControlX2(to.getX() - pull);
        c.setControlY2(to.getY());
        c.setEndX(to.getX());
        c.setEndY(to.getY());
    }

    private static final javafx.css.PseudoClass FLOWING = javafx.css.PseudoClass.getPseudoClass("flowing");
    private javafx.scene.control.Tooltip lastRecords;

    /** During a run: whether records crossed since the last frame, and the last ones that did, shown on hover. */
    void showFlow(String recent, boolean flowing) {
        pseudoClassStateChanged(FLOWING, flowing);
        if (recent == null) {
            if (lastRecords != null) javafx.scene.control.Tooltip.uninstall(hitArea, lastRecords);
            lastRecords = null;
            return;
        }
        if (lastRecords == null) {
            lastRecords = new javafx.scene.control.Tooltip();
            lastRecords.setShowDelay(javafx.util.Duration.millis(150));
            javafx.scene.control.Tooltip.install(hitArea, lastRecords);
        }
        lastRecords.setText(recent);
    }

    String flowText() { return lastRecords == null ? null : lastRecords.getText(); }

    void setSelected(boolean selected) {
        if (selected && !getStyleClass().contains("selected")) getStyleClass().add("selected");
        if (!selected) getStyleClass().remove("selected");
    }
}
