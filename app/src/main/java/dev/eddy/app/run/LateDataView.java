package dev.eddy.app.run;

import dev.eddy.model.Edge;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.Observation;
import dev.eddy.types.ValueText;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The records that came too late: how many over processing time, and for each one, in words made
 * from its numbers, why (its timestamp, the allowed lateness, the watermark, the window that had
 * been cleaned up) and where it went: the late port's sink, or dropped when nothing is connected.
 */
final class LateDataView extends BorderPane implements RunView {
    /** One late record as the table shows it. */
    record LateRow(long time, String node, String key, long timestamp, long watermark, String why, String wentTo, String record) {}

    private final Map<String, String> destinationOf = new HashMap<>();
    private final XYSeries count = Charts.series("late records so far");
    private final TableView<LateRow> table = new TableView<>();
    private final List<LateRow> pending = new ArrayList<>();
    private final Label summary = new Label();
    private final Map<String, dev.eddy.types.Schema> schemaOf = new HashMap<>();
    private final Map<String, Long> perNode = new HashMap<>();
    private final Charts.Redraw redraw;
    private final Label explain = new Label();
    private boolean chartChanged;
    private long total;
    private long lastTime;

    LateDataView(Pipeline pipeline, dev.eddy.validate.ValidationResult validation) {
        setId("late-view");
        table.setId("late-table");
        for (var n : pipeline.nodes()) {
            if (!n.type().equals("window")) continue;
            schemaOf.put(n.id(), validation.schemaInto(pipeline, n.id()));
            List<String> to = pipeline.edges().stream().filter(e -> e.from().equals(n.id()) && "late".equals(e.fromPort()))
                    .map(Edge::to).toList();
            destinationOf.put(n.id(), to.isEmpty() ? "dropped: nothing is connected to the late port of \"" + n.id() + "\""
                    : "the late port, to " + to.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ")));
        }
        XYSeriesCollection data = new XYSeriesCollection(count);
        XYStepRenderer r = new XYStepRenderer();
        r.setSeriesPaint(0, Charts.LATE);
        r.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis y = new NumberAxis("late records");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, Charts.timeAxis("processing time"), y, r);
        JFreeChart chart = new JFreeChart("Late records", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartViewer viewer = Charts.viewer(chart, "late-chart");
        redraw = new Charts.Redraw(chart, this);
        table.getColumns().add(column("Time", x -> Charts.clock(x.time()), 95));
        table.getColumns().add(column("Window node", LateRow::node, 95));
        table.getColumns().add(column("Key", LateRow::key, 70));
        table.getColumns().add(column("Where it went", LateRow::wentTo, 200));
        table.getColumns().add(column("Record", LateRow::record, 260));
        table.getColumns().add(column("Why it was late", LateRow::why, 520));
        // The reason is a sentence: the chosen (or newest) late record's is shown whole under the table.
        explain.setId("late-explain");
        explain.setWrapText(true);
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        explain.setPadding(new javafx.geometry.Insets(6));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> explain(b));
        table.setPlaceholder(new Label("No late record yet: a record is late when its timestamp plus the allowed lateness is at or below the watermark."));
        summary.setId("late-summary");
        BorderPane tableAndWhy = new BorderPane(table);
        tableAndWhy.setBottom(explain);
        SplitPane split = new SplitPane(viewer, tableAndWhy);
        split.setDividerPositions(0.3);
        setTop(summary);
        setCenter(split);
    }

    private static TableColumn<LateRow, String> column(String title, java.util.function.Function<LateRow, String> value, double width) {
        TableColumn<LateRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void explain(LateRow r) {
        explain.setText(r == null ? "" : r.record() + "\nWhy late: " + r.why() + ".\nWhere it went: " + r.wentTo() + ".");
    }

    @Override
    public void reset() {
        count.clear();
        table.getItems().clear();
        pending.clear();
        perNode.clear();
        total = 0;
        chartChanged = true;
        explain.setText("");
        summary.setText("");
    }

    @Override
    public void accept(Observation o) {
        // The count starts at zero when the run does, so that even one late record draws a step.
        if (count.getItemCount() == 0) count.add(o.time(), 0, false);
        lastTime = o.time();
        if (!(o instanceof Observation.LateRecord l)) return;
        total++;
        perNode.merge(l.node(), 1L, Long::sum);
        count.add(l.time(), total, false);
        String behind = "; it was " + (l.watermark() - l.timestamp()) + " ms behind the watermark";
        pending.add(new LateRow(l.time(), l.node(), l.key() == null ? "" : ValueText.format(l.key()), l.timestamp(), l.watermark(),
                capitalised(l.reason()) + behind, destinationOf.getOrDefault(l.node(), "the late port"), OutputView.text(schemaOf.get(l.node()), l.row())));
    }

    private static String capitalised(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    @Override
    public void frame() {
        if (redraw.due() && count.getItemCount() > 0 && lastTime > count.getX(count.getItemCount() - 1).longValue()) {
            // The line runs on to now: so many late records so far.
            count.add(lastTime, total, false);
            chartChanged = true;
        }
        if (chartChanged && redraw.due()) {
            chartChanged = false;
            count.fireSeriesChanged();
            redraw.now();
        }
        if (pending.isEmpty()) return;
        chartChanged = true;
        java.util.Collections.reverse(pending);
        table.getItems().addAll(0, pending);
        pending.clear();
        if (table.getItems().size() > OutputView.ROWS_SHOWN) table.getItems().remove(OutputView.ROWS_SHOWN, table.getItems().size());
        summary.setText(total + " late record" + (total == 1 ? "" : "s"));
        if (table.getSelectionModel().getSelectedItem() == null) explain(table.getItems().get(0));
    }

    @Override
    public Map<String, Integer> seriesSizes() { return Map.of("late count", count.getItemCount(), "late rows", table.getItems().size()); }

    List<LateRow> rows() { return List.copyOf(table.getItems()); }

    long total() { return total; }

    long lateAt(String node) { return perNode.getOrDefault(node, 0L); }
}
