package dev.eddy.app.canvas;

import dev.eddy.app.Icons;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.PortSpec;
import dev.eddy.model.Node;
import dev.eddy.validate.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;

/**
 * A node on the canvas: a card with its id and type, input ports down the left edge and output
 * ports down the right. Geometry is fixed arithmetic rather than layout passes, so edges can be
 * drawn to a port before the card has been laid out.
 */
public final class NodeView extends Pane {
    public static final double WIDTH = 190;
    static final double HEADER = 44;
    static final double PORT_ROW = 22;

    private final Node node;
    private final Map<String, PortView> inputs = new LinkedHashMap<>();
    private final Map<String, PortView> outputs = new LinkedHashMap<>();

    NodeView(Node node, NodeType type, List<Problem> problems) {
        this.node = node;
        getStyleClass().add("node-card");
        if (type != null) getStyleClass().add("category-" + type.category().name().toLowerCase(java.util.Locale.ROOT));
        setId("node-" + node.id());
        Label title = new Label(node.id());
        title.getStyleClass().add("node-title");
        Label kind = new Label(type == null ? node.type() + " (unknown)" : type.title());
        kind.getStyleClass().add("node-kind");
        HBox header = new HBox(6, type == null ? Icons.of("mdi2h-help-circle-outline") : Icons.forCategory(type.category()), title);
        header.getStyleClass().add("node-header");
        header.relocate(8, 4);
        kind.relocate(30, 24);
        getChildren().addAll(header, kind);
        int rows = 1;
        if (type != null) {
            for (int i = 0; i < type.inputs().size(); i++) addPort(type.inputs().get(i), true, i);
            for (int i = 0; i < type.outputs().size(); i++) addPort(type.outputs().get(i), false, i);
            rows = Math.max(1, Math.max(type.inputs().size(), type.outputs().size()));
        }
        double height = HEADER + rows * PORT_ROW + 6;
        setPrefSize(WIDTH, height);
        setMinSize(WIDTH, height);
        setMaxSize(WIDTH, height);
        markProblems(problems);
        // A card is drawn once into a bitmap and then only moved: panning 300 cards with shadows stays smooth.
        setCache(true);
        setCacheHint(javafx.scene.CacheHint.DEFAULT);
    }

    private void addPort(PortSpec spec, boolean input, int index) {
        PortView port = new PortView(node.id(), spec, input);
        double y = HEADER + index * PORT_ROW + PORT_ROW / 2;
        port.relocate(input ? -PortView.RADIUS : WIDTH - PortView.RADIUS, y - PortView.RADIUS);
        Label name = new Label(spec.name());
        name.getStyleClass().add("port-label");
        name.setMouseTransparent(true);
        if (input) {
            name.relocate(10, y - 9);
        } else {
            name.setPrefWidth(WIDTH / 2);
            name.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
            name.relocate(WIDTH / 2 - 10, y - 9);
        }
        getChildren().addAll(name, port);
        (input ? inputs : outputs).put(spec.name(), port);
    }

    private void markProblems(List<Problem> problems) {
        if (problems.isEmpty()) return;
        boolean error = problems.stream().anyMatch(Problem::isError);
        getStyleClass().add(error ? "has-error" : "has-warning");
        Label badge = new Label(null, Icons.of(error ? "mdi2a-alert-circle" : "mdi2a-alert"));
        badge.getStyleClass().add(error ? "error-badge" : "warning-badge");
        badge.relocate(WIDTH - 24, 4);
        StringBuilder text = new StringBuilder();
        for (Problem p : problems) text.append(p.isError() ? "✖ " : "⚠ ").append(p.message()).append('\n');
        Tooltip tip = new Tooltip(text.toString().strip());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Tooltip.install(badge, tip);
        getChildren().add(badge);
    }

    public Node node() { return node; }

    PortView input(String name) { return inputs.get(name); }

    PortView output(String name) { return outputs.get(name); }

    java.util.Collection<PortView> inputPorts() { return inputs.values(); }

    java.util.Collection<PortView> outputPorts() { return outputs.values(); }

    /** Where an edge meets a port, in the canvas's world coordinates. */
    Point2D anchor(String port, boolean input) {
        PortView v = input ? inputs.get(port) : outputs.get(port);
        double y = v == null ? HEADER / 2 : v.getLayoutY() + PortView.RADIUS;
        return new Point2D(getLayoutX() + (input ? 0 : WIDTH), getLayoutY() + y);
    }

    void setSelected(boolean selected) {
        if (selected && !getStyleClass().contains("selected")) getStyleClass().add("selected");
        if (!selected) getStyleClass().remove("selected");
    }
}
