package dev.eddy.app.canvas;

import dev.eddy.app.document.Document;
import dev.eddy.app.document.Edits;
import dev.eddy.app.document.Selection;
import dev.eddy.app.palette.PaletteEntry;
import dev.eddy.catalog.Catalog;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.Position;
import dev.eddy.validate.ConnectionRules;
import dev.eddy.validate.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The canvas: draws the document's pipeline and turns gestures into edits. Drag a node to move it
 * (snapped to the grid), drag from an output port to an input port to connect, drag on empty space
 * for a rubber band, drag with the right or middle button (or Space held) to pan, and use the
 * wheel to zoom around the pointer.
 */
public final class PipelineCanvas extends Region {
    public static final double GRID = 20;

    private final Document doc;
    private final Selection selection;
    private final Catalog catalog;
    private final ConnectionRules rules;
    private final Consumer<String> status;
    private final GridLayer grid = new GridLayer(GRID);
    private final Group world = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group badgeLayer = new Group();
    private final Map<String, javafx.scene.control.Label> badgeLabels = new LinkedHashMap<>();
    private final Map<String, javafx.scene.control.Label> lateLabels = new LinkedHashMap<>();
    private Map<String, NodeBadge> badges = Map.of();
    private Map<String, EdgeFlow> flows = Map.of();
    private final Pane overlay = new Pane();
    private final Rectangle rubber = new Rectangle();
    private final Viewport viewport = new Viewport(world, grid);
    private final Map<String, NodeView> nodes = new LinkedHashMap<>();
    private final Map<Edge, EdgeView> edges = new LinkedHashMap<>();
    private final BooleanProperty snap = new SimpleBooleanProperty(true);
    private boolean spaceHeld;
    private boolean fitPending;
    private double laidOutWidth;
    private double laidOutHeight;
    private ConnectionGesture connecting;
    private Point2D pressWorld;
    private Point2D bandFrom;
    private Point2D panFrom;
    private Map<String, Point2D> dragStart;

    public PipelineCanvas(Document doc, Selection selection, Catalog catalog, Consumer<String> status) {
        this.doc = doc;
        this.selection = selection;
        this.catalog = catalog;
        this.rules = new ConnectionRules(catalog);
        this.status = status;
        getStyleClass().add("pipeline-canvas");
        setId("canvas");
        rubber.getStyleClass().add("rubber-band");
        rubber.setVisible(false);
        overlay.getChildren().add(rubber);
        overlay.setMouseTransparent(true);
        world.getChildren().addAll(edgeLayer, nodeLayer, badgeLayer);
        badgeLayer.setMouseTransparent(true);
        getChildren().addAll(grid, world, overlay);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        doc.pipelineProperty().addListener((o, a, b) -> render());
        selection.nodes().addListener((javafx.collections.SetChangeListener<String>) c -> showSelection());
        selection.edges().addListener((javafx.collections.SetChangeListener<Edge>) c -> showSelection());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            viewport.zoomAt(Math.exp(e.getDeltaY() * 0.0015), e.getX(), e.getY());
            e.consume();
        });
        setOnKeyPressed(e -> spaceHeld |= e.getCode() == javafx.scene.input.KeyCode.SPACE);
        setOnKeyReleased(e -> spaceHeld &= e.getCode() != javafx.scene.input.KeyCode.SPACE);
        render();
    }

    @Override
    protected void layoutChildren() {
        grid.resize(getWidth(), getHeight());
        overlay.resize(getWidth(), getHeight());
        grid.redraw(viewport);
        boolean resized = getWidth() != laidOutWidth || getHeight() != laidOutHeight;
        laidOutWidth = getWidth();
        laidOutHeight = getHeight();
        if ((fitPending || resized && viewport.fitted()) && getWidth() > 0 && getHeight() > 0) {
            fitPending = false;
            fitToView();
        }
    }

    /** Fits the pipeline into view once the canvas has its size (right after opening a file, it may not yet). */
    public void fitWhenLaidOut() {
        fitPending = true;
        requestLayout();
    }

    public BooleanProperty snapProperty() { return snap; }

    /**
     * What a run reports about a node, drawn under it while the run lasts: counts, rate and
     * watermark as text, the late records as a badge of their own, and how busy the node is.
     */
    public record NodeBadge(String text, long late, boolean busy) {}

    /** Shows (or, with an empty map, clears) the run's badges; cheap enough to call every frame. */
    public void showBadges(Map<String, NodeBadge> next) {
        badges = next;
        badgeLabels.keySet().removeIf(id -> {
            if (next.containsKey(id) && nodes.containsKey(id)) return false;
            badgeLayer.getChildren().removeAll(badgeLabels.get(id), lateLabels.get(id));
            lateLabels.remove(id);
            return true;
        });
        next.forEach((id, b) -> {
            NodeView v = nodes.get(id);
            if (v == null) return;
            javafx.scene.control.Label text = badgeLabels.computeIfAbsent(id, k -> badgeLabel("badge-" + k, "run-badge"));
            javafx.scene.control.Label late = lateLabels.computeIfAbsent(id, k -> badgeLabel("late-badge-" + k, "late-badge"));
            text.setText(b.text());
            text.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("busy"), b.busy());
            text.relocate(v.getLayoutX(), v.getLayoutY() + v.prefHeight(-1) + 4);
            late.setVisible(b.late() > 0);
            late.setText("late " + b.late());
            late.relocate(v.getLayoutX() + NodeView.WIDTH - 46, v.getLayoutY() - 12);
        });
    }

    private javafx.scene.control.Label badgeLabel(String id, String style) {
        javafx.scene.control.Label l = new javafx.scene.control.Label();
        l.setId(id);
        l.getStyleClass().add(style);
        badgeLayer.getChildren().add(l);
        return l;
    }

    /** What crossed an edge during a run: the last records, as text, and whether any did since the last frame. */
    public record EdgeFlow(String recent, boolean flowing) {}

    /** Shows each edge's flow (keyed by its source node and port); an edge missing from the map shows none. */
    public void showFlows(Map<String, EdgeFlow> byFromPort) {
        flows = byFromPort;
        edges.forEach((e, v) -> {
            EdgeFlow f = byFromPort.get(e.from() + "/" + e.outPort());
            v.showFlow(f == null ? null : f.recent(), f != null && f.flowing());
        });
    }

    /** The last records shown for an edge, for tests. */
    public String flowText(Edge e) {
        EdgeView v = edges.get(e);
        return v == null ? null : v.flowText();
    }

    public BooleanProperty gridVisibleProperty() { return grid.visibleProperty(); }

    public Viewport viewport() { return viewport; }

    /** Adds a palette entry's node where it was dropped (scene coordinates), selected. */
    public void addAtScene(PaletteEntry entry, double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        add(entry, viewport.toWorld(local.getX(), local.getY()));
    }

    /** Adds a palette entry's node in the middle of what is in view. */
    public void addInView(PaletteEntry entry) {
        Point2D c = viewport.toWorld(getWidth() / 2 - NodeView.WIDTH / 2, getHeight() / 2 - 40);
        add(entry, c.add(nodes.size() % 5 * GRID, nodes.size() % 5 * GRID));
    }

    private void add(PaletteEntry entry, Point2D at) {
        Position pos = new Position(snapped(at.getX()), snapped(at.getY()));
        Edits.Result[] result = new Edits.Result[1];
        doc.edit("Add " + entry.title(), p -> (result[0] = Edits.addNode(p, entry.type().id(), entry.params(), pos)).pipeline());
        if (result[0] != null) selection.set(result[0].created());
        requestFocus();
    }

    public boolean containsScene(double sceneX, double sceneY) {
        return localToScene(getLayoutBounds()).contains(sceneX, sceneY);
    }

    public void fitToView() {
        if (nodes.isEmpty()) {
            viewport.reset();
            return;
        }
        // From positions and preferred sizes: cards added in this pulse have not been sized yet.
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (NodeView v : nodes.values()) {
            minX = Math.min(minX, v.getLayoutX());
            minY = Math.min(minY, v.getLayoutY());
            maxX = Math.max(maxX, v.getLayoutX() + v.prefWidth(-1));
            maxY = Math.max(maxY, v.getLayoutY() + v.prefHeight(-1));
        }
        viewport.fit(new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY), getWidth(), getHeight());
    }

    private double snapped(double v) { return snap.get() ? Math.round(v / GRID) * GRID : v; }

    /** Brings the views up to date with the document, reusing node cards that did not change. */
    private void render() {
        Pipeline p = doc.get();
        Map<String, List<Problem>> problems = new HashMap<>();
        for (Problem pr : doc.validation().problems()) {
            if (pr.nodeId() != null) problems.computeIfAbsent(pr.nodeId(), k -> new ArrayList<>()).add(pr);
        }
        Map<String, NodeView> old = new HashMap<>(nodes);
        nodes.clear();
        List<javafx.scene.Node> cards = new ArrayList<>();
        for (Node n : p.nodes()) {
            List<Problem> mine = problems.getOrDefault(n.id(), List.of());
            NodeView v = old.remove(n.id());
            if (v == null || !v.node().equals(n) || !mine.equals(v.getProperties().get("problems"))) {
                v = new NodeView(n, catalog.type(n.type()).orElse(null), mine);
                v.getProperties().put("problems", mine);
                wire(v);
            }
            Position pos = p.layout().getOrDefault(n.id(), new Position(0, 0));
            v.relocate(pos.x(), pos.y());
            nodes.put(n.id(), v);
            cards.add(v);
        }
        nodeLayer.getChildren().setAll(cards);
        edges.clear();
        List<javafx.scene.Node> lines = new ArrayList<>();
        for (Edge e : p.edges()) {
            EdgeView v = new EdgeView(e);
            v.setOnMousePressed(ev -> {
                if (ev.getButton() != MouseButton.PRIMARY) return;
                selection.onlyEdge(e);
                requestFocus();
                ev.consume();
            });
            edges.put(e, v);
            lines.add(v);
        }
        edgeLayer.getChildren().setAll(lines);
        routeEdges();
        selection.prune(p);
        showSelection();
        showBadges(badges);
        showFlows(flows);
    }

    private void routeEdges() {
        for (EdgeView v : edges.values()) {
            NodeView from = nodes.get(v.edge().from());
            NodeView to = nodes.get(v.edge().to());
            v.setVisible(from != null && to != null);
            if (from != null && to != null) v.connect(from.anchor(v.edge().outPort(), false), to.anchor(v.edge().inPort(), true));
        }
    }

    private void showSelection() {
        nodes.forEach((id, v) -> v.setSelected(selection.nodes().contains(id)));
        edges.forEach((e, v) -> v.setSelected(selection.edges().contains(e)));
    }

    private void wire(NodeView v) {
        v.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY || spaceHeld) return;
            String id = v.node().id();
            if (e.isShortcutDown() || e.isShiftDown()) {
                if (!selection.nodes().remove(id)) selection.nodes().add(id);
            } else if (!selection.nodes().contains(id)) {
                selection.only(id);
            }
            pressWorld = viewport.toWorld(sceneToLocal(e.getSceneX(), e.getSceneY()));
            dragStart = new LinkedHashMap<>();
            for (String s : selection.nodes()) {
                NodeView n = nodes.get(s);
                if (n != null) dragStart.put(s, new Point2D(n.getLayoutX(), n.getLayoutY()));
            }
            requestFocus();
            e.consume();
        });
        v.setOnMouseDragged(e -> {
            if (dragStart == null) return;
            Point2D now = viewport.toWorld(sceneToLocal(e.getSceneX(), e.getSceneY()));
            Point2D delta = now.subtract(pressWorld);
            dragStart.forEach((id, start) -> nodes.get(id).relocate(snapped(start.getX() + delta.getX()), snapped(start.getY() + delta.getY())));
            routeEdges();
            e.consume();
        });
        v.setOnMouseReleased(e -> {
            if (dragStart == null) return;
            Map<String, Position> moved = new LinkedHashMap<>();
            dragStart.forEach((id, start) -> {
                NodeView n = nodes.get(id);
                if (n.getLayoutX() != start.getX() || n.getLayoutY() != start.getY()) moved.put(id, new Position(n.getLayoutX(), n.getLayoutY()));
            });
            dragStart = null;
            if (!moved.isEmpty()) doc.edit(moved.size() == 1 ? "Move " + moved.keySet().iterator().next() : "Move " + moved.size() + " nodes",
                    p -> Edits.move(p, moved));
            e.consume();
        });
        v.setOnMouseDragReleased(e -> {
            if (connecting == null || e.getTarget() instanceof PortView) return;
            // Dropped on the card rather than on a port: take its first input that accepts the edge.
            for (PortView in : v.inputPorts()) {
                if (connecting.verdict(in).isEmpty()) {
                    connect(in);
                    return;
                }
            }
            if (!v.inputPorts().isEmpty()) refuse(v.inputPorts().iterator().next());
        });
        for (PortView out : v.outputPorts()) wireOutput(out);
        for (PortView in : v.inputPorts()) {
            in.setOnMouseDragReleased(e -> {
                if (connecting == null) return;
                if (connecting.verdict(in).isEmpty()) connect(in);
                else refuse(in);
                e.consume();
            });
        }
        PortTips.install(v, doc);
    }

    private void wireOutput(PortView out) {
        out.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            NodeView owner = nodes.get(out.nodeId());
            connecting = new ConnectionGesture(out, owner.anchor(out.spec().name(), false), edge -> rules.refusal(doc.get(), edge));
            world.getChildren().add(connecting.curve());
            connecting.light(allInputs());
            e.consume();
        });
        out.setOnDragDetected(e -> {
            if (connecting != null) out.startFullDrag();
            e.consume();
        });
        out.setOnMouseDragged(e -> {
            if (connecting != null) connecting.follow(viewport.toWorld(sceneToLocal(e.getSceneX(), e.getSceneY())));
            e.consume();
        });
        out.setOnMouseReleased(e -> {
            endConnecting();
            e.consume();
        });
    }

    private void connect(PortView in) {
        Edge edge = connecting.edgeTo(in);
        endConnecting();
        doc.edit("Connect " + edge, p -> Edits.connect(p, edge));
        status.accept("Connected " + edge);
    }

    private void refuse(PortView in) {
        String why = connecting.verdict(in).orElse("");
        endConnecting();
        status.accept("Cannot connect: " + why);
    }

    private void endConnecting() {
        if (connecting == null) return;
        world.getChildren().remove(connecting.curve());
        ConnectionGesture.unlight(allInputs());
        connecting = null;
    }

    private List<PortView> allInputs() {
        List<PortView> all = new ArrayList<>();
        nodes.values().forEach(n -> all.addAll(n.inputPorts()));
        return all;
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE || spaceHeld) {
            panFrom = new Point2D(e.getX(), e.getY());
        } else if (e.getButton() == MouseButton.PRIMARY) {
            if (!e.isShiftDown() && !e.isShortcutDown()) selection.clear();
            bandFrom = new Point2D(e.getX(), e.getY());
            rubber.setVisible(false);
        }
    }

    private void dragged(MouseEvent e) {
        if (panFrom != null) {
            viewport.panBy(e.getX() - panFrom.getX(), e.getY() - panFrom.getY());
            panFrom = new Point2D(e.getX(), e.getY());
        } else if (bandFrom != null) {
            rubber.setVisible(true);
            rubber.setX(Math.min(bandFrom.getX(), e.getX()));
            rubber.setY(Math.min(bandFrom.getY(), e.getY()));
            rubber.setWidth(Math.abs(e.getX() - bandFrom.getX()));
            rubber.setHeight(Math.abs(e.getY() - bandFrom.getY()));
        }
    }

    private void released(MouseEvent e) {
        if (rubber.isVisible()) {
            Bounds band = world.sceneToLocal(localToScene(rubber.getBoundsInParent()));
            List<String> hit = new ArrayList<>(selection.nodes());
            nodes.forEach((id, v) -> {
                if (band.intersects(v.getBoundsInParent()) && !hit.contains(id)) hit.add(id);
            });
            selection.set(hit);
            rubber.setVisible(false);
        }
        panFrom = null;
        bandFrom = null;
    }
}
