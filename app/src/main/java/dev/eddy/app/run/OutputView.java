package dev.eddy.app.run;

import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.Observation;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import dev.eddy.types.ValueText;
import dev.eddy.validate.ValidationResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * Every sink's records as they arrive, newest first: when, which sink and subtask, the event
 * timestamp, the key (the fields of the nearest key-by upstream, where the row still has them)
 * and the record with its field names. Only the newest rows are kept on screen; the counts are exact.
 */
final class OutputView extends BorderPane implements RunView {
    static final int ROWS_SHOWN = 1000;

    /** One record a sink received. */
    record OutputRow(long time, String sink, int subtask, long timestamp, String key, String record) {}

    private final Map<String, Schema> schemaOf = new HashMap<>();
    private final Map<String, List<Integer>> keyFieldsOf = new HashMap<>();
    private final Deque<OutputRow> pending = new ArrayDeque<>();
    private final TableView<OutputRow> table = new TableView<>();
    private final Label summary = new Label();
    private final Map<String, Long> received = new HashMap<>();
    private long total;

    OutputView(Pipeline pipeline, ValidationResult validation) {
        setId("output-view");
        table.setId("output-table");
        for (Node n : pipeline.nodes()) {
            if (!n.type().startsWith("sink.")) continue;
            Schema in = validation.schemaInto(pipeline, n.id());
            schemaOf.put(n.id(), in);
            List<Integer> keyIdx = new ArrayList<>();
            if (in != null) for (String k : keyFields(pipeline, n.id())) if (in.has(k)) keyIdx.add(in.indexOf(k));
            keyFieldsOf.put(n.id(), keyIdx);
        }
        table.getColumns().add(column("Time", r -> Charts.clock(r.time()), 100));
        table.getColumns().add(column("Sink", OutputRow::sink, 110));
        table.getColumns().add(column("Subtask", r -> String.valueOf(r.subtask()), 60));
        table.getColumns().add(column("Event time", r -> r.timestamp() == Long.MIN_VALUE ? "—" : Charts.clock(r.timestamp()), 110));
        table.getColumns().add(column("Key", OutputRow::key, 100));
        table.getColumns().add(column("Record", OutputRow::record, 520));
        table.setPlaceholder(new Label("Press play: the records the sinks receive appear here, newest first."));
        summary.setId("output-summary");
        setTop(summary);
        setCenter(table);
    }

    private static TableColumn<OutputRow, String> column(String title, Function<OutputRow, String> value, double width) {
        TableColumn<OutputRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** The key fields of the nearest key-by upstream of a node, following first inputs. */
    static List<String> keyFields(Pipeline p, String node) {
        String at = node;
        for (int hops = 0; hops < p.nodes().size(); hops++) {
            String here = at;
            Edge in = p.edges().stream().filter(e -> e.to().equals(here)).findFirst().orElse(null);
            if (in == null) return List.of();
            Node from = p.node(in.from()).orElse(null);
            if (from == null) return List.of();
            if (from.type().equals("key-by")) {
                var key = from.paramsView().get("key");
                List<String> names = new ArrayList<>();
                if (key == null) return names;
                if (key.isArray()) key.forEach(k -> names.add(k.asText().trim()));
                else names.add(key.asText().trim());
                return names;
            }
            at = from.id();
        }
        return List.of();
    }

    /** Who hears that the user chose a row (the live run shows the window that computed it). */
    void onChosen(java.util.function.Consumer<OutputRow> listener) {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) listener.accept(b);
        });
    }

    @Override
    public void reset() {
        pending.clear();
        table.getItems().clear();
        received.clear();
        total = 0;
        summary.setText("");
    }

    @Override
    public void accept(Observation o) {
        if (!(o instanceof Observation.RecordSampled r) || !"in".equals(r.port()) || !schemaOf.containsKey(r.node())) return;
        received.merge(r.node(), 1L, Long::sum);
        total++;
        pending.addFirst(new OutputRow(r.time(), r.node(), r.subtask(), r.timestamp(), key(r.node(), r.row()), text(schemaOf.get(r.node()), r.row())));
        if (pending.size() > ROWS_SHOWN) pending.removeLast();
    }

    private String key(String sink, Row row) {
        List<Integer> idx = keyFieldsOf.getOrDefault(sink, List.of());
        if (idx.isEmpty()) return "";
        StringJoiner j = new StringJoiner(", ");
        for (int i : idx) if (i < row.arity()) j.add(ValueText.format(row.get(i)));
        return j.toString();
    }

    static String text(Schema schema, Row row) {
        if (schema == null || schema.size() != row.arity()) return row.toString();
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < row.arity(); i++) j.add(schema.field(i).name() + "=" + ValueText.format(row.get(i)));
        return j.toString();
    }

    @Override
    public void frame() {
        if (pending.isEmpty()) return;
        javafx.collections.ObservableList<OutputRow> items = table.getItems();
        items.addAll(0, pending);
        pending.clear();
        if (items.size() > ROWS_SHOWN) items.remove(ROWS_SHOWN, items.size());
        StringJoiner per = new StringJoiner(", ");
        received.forEach((sink, n) -> per.add(sink + " " + n));
        summary.setText(total + " records reached the sinks (" + per + ")" + (total > ROWS_SHOWN ? "; the newest " + ROWS_SHOWN + " are shown" : ""));
    }

    @Override
    public Map<String, Integer> seriesSizes() { return Map.of("output rows", table.getItems().size()); }

    List<OutputRow> rows() { return List.copyOf(table.getItems()); }

    long received(String sink) { return received.getOrDefault(sink, 0L); }
}
