package dev.eddy.app.inspector;

import dev.eddy.app.document.Document;
import dev.eddy.catalog.Durations;
import dev.eddy.model.DeliveryGuarantee;
import dev.eddy.model.RandomFailures;
import dev.eddy.model.Settings;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The pipeline's checkpoints, restarts and delivery guarantee, edited as part of the document
 * (they are saved in the file's settings): what a learner changes to see a failure lose, repeat or
 * not touch the output. Blank fields keep Flink's defaults.
 */
final class FaultToleranceEditor {
    private FaultToleranceEditor() {}

    static final String DEFAULT_GUARANTEE = "default (exactly-once with checkpoints)";

    static VBox of(Document doc, Consumer<String> status, java.util.function.IntSupplier generation) {
        Settings s = doc.get().settings();
        int built = generation.getAsInt();
        TextField interval = text("settings-checkpoint-interval", s.checkpointInterval() == null ? "" : Durations.format(s.checkpointInterval()),
                "How often every task is checkpointed, e.g. 2s; blank: no checkpoints");
        TextField attempts = text("settings-restart-attempts", s.restartAttempts() == null ? "" : String.valueOf(s.restartAttempts()),
                "How often a failed run restarts; blank: 3 with checkpoints, none without");
        TextField failAfter = text("settings-fail-after", s.failAfterRecords() == null ? "" : String.valueOf(s.failAfterRecords()),
                "Fail once after this many records, to watch a recovery; blank: never");
        var rf = s.randomFailures();
        TextField randomTimes = text("settings-random-failures", rf == null ? "" : String.valueOf(rf.times()),
                "Fail this many times at random, the same places every run (settings.randomFailures); blank: never");
        TextField randomWithin = text("settings-random-within", rf == null ? "" : String.valueOf(rf.withinRecords()),
                "Among how many of the first records the random failures fall");
        ComboBox<String> guarantee = new ComboBox<>();
        guarantee.setId("settings-guarantee");
        guarantee.getItems().add(DEFAULT_GUARANTEE);
        for (DeliveryGuarantee g : DeliveryGuarantee.values()) guarantee.getItems().add(g.id());
        guarantee.setValue(s.deliveryGuarantee() == null ? DEFAULT_GUARANTEE : s.deliveryGuarantee().id());
        guarantee.setMaxWidth(Double.MAX_VALUE);
        Runnable commit = () -> {
            if (built != generation.getAsInt()) return;
            Long i;
            Integer a;
            Long f;
            RandomFailures r;
            try {
                i = parse(interval.getText(), Durations::parse, "the checkpoint interval", "a duration such as 2s", status);
                a = parse(attempts.getText(), t -> Integer.valueOf(nonNegative(t)), "the restart attempts", "a whole number, 0 or more", status);
                f = parse(failAfter.getText(), t -> Long.valueOf(positive(t)), "fail after", "a whole number of records, 1 or more", status);
                Integer times = parse(randomTimes.getText(), t -> Integer.valueOf(nonNegative(t)), "random failures", "a whole number, 0 or more", status);
                Long within = parse(randomWithin.getText(), t -> Long.valueOf(positive(t)), "within records", "a whole number of records, 1 or more", status);
                r = randomFailures(times, within, doc.get().settings().randomFailures(), status);
            } catch (Refused e) {
                return;
            }
            DeliveryGuarantee g = guarantee.getValue().equals(DEFAULT_GUARANTEE) ? null : DeliveryGuarantee.parse(guarantee.getValue());
            Settings now = doc.get().settings();
            Settings next = now.withFaultTolerance(i, a, now.restartDelay(), f, g).withRandomFailures(r);
            if (!next.equals(now)) doc.edit("Change checkpoints and guarantee", p -> p.withSettings(next));
        };
        for (TextField t : new TextField[] {interval, attempts, failAfter, randomTimes, randomWithin}) {
            t.setOnAction(e -> commit.run());
            t.focusedProperty().addListener((o, was, focused) -> {
                if (!focused) commit.run();
            });
        }
        guarantee.valueProperty().addListener((o, a, b) -> commit.run());
        Label title = new Label("Checkpoints and failures");
        title.getStyleClass().add("field-label");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, labelled("Checkpoint every", interval), labelled("Restart attempts", attempts));
        grid.add(labelled("Guarantee", guarantee), 0, 1, 2, 1);
        grid.add(labelled("Fail after records", failAfter), 0, 2, 2, 1);
        grid.addRow(3, labelled("Random failures", randomTimes), labelled("within records", randomWithin));
        return new VBox(4, title, grid);
    }

    /**
     * Random failures from the two fields, keeping the seed the file had; blank or 0 failures: none.
     * Without a span the failures fall among the first thousand records.
     */
    private static RandomFailures randomFailures(Integer times, Long within, RandomFailures had, Consumer<String> status) {
        if (times == null || times == 0) return null;
        long span = within != null ? within : had != null ? had.withinRecords() : 1000;
        if (span < times) {
            status.accept("random failures: " + times + " failures do not fit in " + span + " records");
            throw new Refused();
        }
        return new RandomFailures(times, span, had == null ? null : had.seed());
    }

    /** A field holds what it cannot mean; the status line has said why, and nothing changes. */
    private static final class Refused extends RuntimeException {
        Refused() { super(null, null, false, false); }
    }

    private static <T> T parse(String text, Function<String, T> how, String what, String expected, Consumer<String> status) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return null;
        try {
            return how.apply(t);
        } catch (RuntimeException e) {
            status.accept(what + ": expected " + expected + ", not \"" + t + "\"");
            throw new Refused();
        }
    }

    private static String nonNegative(String t) {
        if (Integer.parseInt(t) < 0) throw new IllegalArgumentException();
        return t;
    }

    private static String positive(String t) {
        if (Long.parseLong(t) < 1) throw new IllegalArgumentException();
        return t;
    }

    private static VBox labelled(String label, javafx.scene.Node control) {
        Label l = new Label(label);
        l.getStyleClass().add("hint");
        return new VBox(2, l, control);
    }

    private static TextField text(String id, String value, String tip) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPrefColumnCount(6);
        f.setTooltip(new Tooltip(tip));
        return f;
    }
}
