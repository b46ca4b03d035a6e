package dev.eddy.app.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.app.Icons;
import dev.eddy.app.document.Document;
import dev.eddy.app.document.Edits;
import dev.eddy.app.document.Selection;
import dev.eddy.catalog.Catalog;
import dev.eddy.catalog.KeyInfo;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.ParamKind;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.types.Schema;
import dev.eddy.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/**
 * The inspector: for one selected node its id, parallelism and a property sheet generated from
 * the node type's declaration, with the concept it embodies beneath; for an edge the schema that
 * flows on it; with nothing selected, the pipeline's name and description.
 */
public final class InspectorView extends ScrollPane {
    private final Document doc;
    private final Selection selection;
    private final Catalog catalog;
    private final Consumer<String> status;
    private final VBox content = new VBox(10);
    private Object shownFor;
    /** Bumped at every rebuild: a field that loses focus because it was thrown away must not commit. */
    private int generation;

    public InspectorView(Document doc, Selection selection, Catalog catalog, Consumer<String> status) {
        this.doc = doc;
        this.selection = selection;
        this.catalog = catalog;
        this.status = status;
        setId("inspector");
        getStyleClass().add("inspector");
        setFitToWidth(true);
        // A scroll pane takes the focus on every click inside it, away from the field that was clicked.
        setFocusTraversable(false);
        content.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, javafx.event.Event::consume);
        content.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, javafx.event.Event::consume);
        content.getStyleClass().add("inspector-content");
        setContent(content);
        doc.pipelineProperty().addListener((o, a, b) -> refresh());
        selection.nodes().addListener((javafx.collections.SetChangeListener<String>) c -> refresh());
        selection.edges().addListener((javafx.collections.SetChangeListener<Edge>) c -> refresh());
        refresh();
    }

    /** Rebuilds only when what it shows changed, so typing in one field never loses the caret to a rebuild. */
    private void refresh() {
        Object key = currentKey();
        if (Objects.equals(key, shownFor)) return;
        shownFor = key;
        generation++;
        String id = selection.single();
        if (id != null && doc.get().node(id).isPresent()) showNode(doc.get().node(id).get());
        else if (selection.edges().size() == 1 && selection.nodes().isEmpty()) showEdge(selection.edges().iterator().next());
        else showPipeline();
    }

    private Object currentKey() {
        String id = selection.single();
        Pipeline p = doc.get();
        if (id != null && p.node(id).isPresent()) {
            return List.of(p.node(id).get(), String.valueOf(inputSchema(id)), problems(id));
        }
        if (selection.edges().size() == 1 && selection.nodes().isEmpty()) {
            Edge e = selection.edges().iterator().next();
            return List.of(e, String.valueOf(doc.validation().schema(e.from(), e.outPort())));
        }
        return List.of("pipeline", String.valueOf(p.name()), String.valueOf(p.description()), selection.nodes().size(),
                String.valueOf(p.settings()));
    }

    private List<Problem> problems(String id) {
        return doc.validation().problems().stream().filter(pr -> id.equals(pr.nodeId())).toList();
    }

    private Schema inputSchema(String id) { return doc.validation().schemaInto(doc.get(), id); }

    private void showNode(Node n) {
        NodeType t = catalog.type(n.type()).orElse(null);
        ObservableList<javafx.scene.Node> c = content.getChildren();
        c.clear();
        Label title = new Label(t == null ? n.type() : t.title(), t == null ? null : Icons.forCategory(t.category()));
        title.getStyleClass().add("inspector-title");
        c.add(title);
        if (t == null) {
            c.add(wrapped("\"" + n.type() + "\" is not a node type Eddy knows; `eddy types` lists them."));
            return;
        }
        c.add(wrapped(t.summary()));
        TextField id = field("node-id", n.id(), text -> rename(n.id(), text));
        TextField parallelism = field("node-parallelism", n.parallelism() == null ? "" : n.parallelism().toString(),
                text -> setParallelism(n.id(), text));
        parallelism.setPromptText(t.maxParallelism() == 1 ? "1 (runs in one subtask)" : "the pipeline's default");
        c.addAll(labelled("Id", id), labelled("Parallelism", parallelism));
        List<PropertySheet.Item> items = new ArrayList<>();
        List<ParamItem> programs = new ArrayList<>();
        Schema in = inputSchema(n.id());
        KeyInfo key = doc.validation().keyInto(doc.get(), n.id());
        List<Problem> problems = problems(n.id());
        for (ParamSpec spec : t.params().stream().sorted(java.util.Comparator.comparing(ps -> !ps.required())).toList()) {
            JsonNode value = n.paramsView().get(spec.name());
            String problem = problems.stream().filter(p -> p.path().endsWith(".params." + spec.name()))
                    .map(Problem::message).findFirst().orElse(null);
            int built = generation;
            ParamItem item = new ParamItem(t, spec, value, in, key, problem, v -> {
                if (built == generation) doc.edit("Set " + n.id() + "." + spec.name(), p -> Edits.setParam(p, n.id(), spec.name(), v));
            });
            // A program is code: it gets the inspector's whole width, not a cell of the sheet.
            if (spec.kind() == ParamKind.PROGRAM) programs.add(item);
            else items.add(item);
        }
        for (ParamItem program : programs) c.add(programEditor(program, n.id()));
        PropertySheet sheet = new PropertySheet(javafx.collections.FXCollections.observableArrayList(items));
        sheet.setId("param-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        // One list, required first: category panes animate open, and a click during the animation misses its field.
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(item -> new ParamEditor((ParamItem) item));
        if (!items.isEmpty()) c.add(sheet);
        problems.stream().filter(p -> !p.path().contains(".params.")).forEach(p -> {
            Label l = wrapped((p.isError() ? "✖ " : "⚠ ") + p.message());
            l.getStyleClass().add(p.isError() ? "node-error" : "node-warning");
            c.add(l);
        });
        Label idea = new Label("The idea");
        idea.getStyleClass().add("inspector-subtitle");
        Label concept = wrapped(t.concept());
        concept.setId("concept");
        concept.getStyleClass().add("concept");
        c.addAll(idea, concept);
    }

    private void showEdge(Edge e) {
        ObservableList<javafx.scene.Node> c = content.getChildren();
        c.clear();
        Label title = new Label("Edge", Icons.of("mdi2s-source-commit"));
        title.getStyleClass().add("inspector-title");
        c.addAll(title, wrapped(e.from() + " (" + e.outPort() + ")  →  " + e.to() + " (" + e.inPort() + ")"));
        Schema s = doc.validation().schema(e.from(), e.outPort());
        Label schema = wrapped(s == null ? "The schema is not known until the nodes before it are valid." : SchemaText.of(s));
        schema.setId("edge-schema");
        schema.getStyleClass().add("schema");
        c.addAll(new Label("Records on this edge"), schema);
    }

    private void showPipeline() {
        ObservableList<javafx.scene.Node> c = content.getChildren();
        c.clear();
        Pipeline p = doc.get();
        Label title = new Label("Pipeline", Icons.of("mdi2s-sitemap"));
        title.getStyleClass().add("inspector-title");
        TextField name = field("pipeline-name", p.name() == null ? "" : p.name(),
                text -> doc.edit("Rename pipeline", q -> Edits.describe(q, text.isBlank() ? null : text, q.description())));
        TextField description = field("pipeline-description", p.description() == null ? "" : p.description(),
                text -> doc.edit("Describe pipeline", q -> Edits.describe(q, q.name(), text.isBlank() ? null : text)));
        c.addAll(title, labelled("Name", name), labelled("Description", description),
                FaultToleranceEditor.of(doc, status, () -> generation),
                wrapped(selection.nodes().size() > 1 ? selection.nodes().size() + " nodes selected."
                        : "Select a node to edit it, or an edge to see its records' schema."));
    }

    private void rename(String from, String to) {
        String id = to.strip();
        if (id.equals(from)) return;
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            status.accept("A node id is letters, digits, '-', '_' and '.'; \"" + id + "\" is not one");
            shownFor = null;
            refresh();
            return;
        }
        if (doc.get().node(id).isPresent()) {
            status.accept("Another node is already called \"" + id + "\"");
            shownFor = null;
            refresh();
            return;
        }
        doc.edit("Rename " + from + " to " + id, p -> Edits.rename(p, from, id));
        selection.only(id);
    }

    private void setParallelism(String id, String text) {
        Integer value = null;
        if (!text.isBlank()) {
            try {
                value = Integer.parseInt(text.strip());
                if (value < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                status.accept("Parallelism is a whole number of at least 1");
                return;
            }
        }
        Integer v = value;
        doc.edit("Set " + id + " parallelism", p -> Edits.setParallelism(p, id, v));
    }

    private TextField field(String id, String value, Consumer<String> commit) {
        int built = generation;
        TextField f = new TextField(value);
        f.setId(id);
        f.setOnAction(e -> {
            if (built == generation) commit.accept(f.getText());
        });
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now && built == generation && !f.getText().equals(value)) commit.accept(f.getText());
        });
        return f;
    }

    /** A program's editor across the inspector, with a button that opens it in a window with room. */
    private VBox programEditor(ParamItem program, String nodeId) {
        Button larger = new Button(null, Icons.of("mdi2a-arrow-expand"));
        larger.setId("param-" + program.spec().name() + "-window");
        larger.setTooltip(new javafx.scene.control.Tooltip("Open the program in a window with room (it applies when you leave it)"));
        larger.setOnAction(e -> ProgramWindow.open(program, nodeId, getScene() == null ? null : getScene().getWindow()));
        Label label = new Label(program.spec().name());
        label.getStyleClass().add("field-label");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, label, gap, larger);
        head.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, head, new ParamEditor(program).getEditor());
    }

    private static VBox labelled(String label, javafx.scene.Node control) {
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        return new VBox(2, l, control);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
