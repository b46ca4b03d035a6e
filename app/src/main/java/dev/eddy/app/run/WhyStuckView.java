package dev.eddy.app.run;

import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.run.WatermarkDiagnosis;
import dev.eddy.runtime.driver.RunControl;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * "Why is the watermark stuck?" for the node the user picks: the engine's tasks say where each
 * subtask stands on event time, per input channel, and {@link WatermarkDiagnosis} words it. The
 * question is asked of the running engine through its mailbox, so the answer is of this instant.
 */
final class WhyStuckView extends BorderPane {
    private final Pipeline pipeline;
    private final Supplier<RunControl> control;
    private final ComboBox<String> node = new ComboBox<>();
    private final TextArea answer = new TextArea();

    WhyStuckView(Pipeline pipeline, Supplier<RunControl> control) {
        this.pipeline = pipeline;
        this.control = control;
        setId("why-view");
        node.setId("why-node");
        pipeline.nodes().stream().filter(n -> !n.type().startsWith("sink.")).map(Node::id).forEach(node.getItems()::add);
        pipeline.nodes().stream().filter(n -> n.type().equals("window")).findFirst()
                .ifPresentOrElse(n -> node.setValue(n.id()), () -> { if (!node.getItems().isEmpty()) node.getSelectionModel().select(0); });
        Button ask = new Button("Why is its watermark where it is?");
        ask.setId("why-button");
        ask.setOnAction(e -> ask());
        answer.setId("why-text");
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.setText("Pick a node and ask, while the run is paused or running: the answer names the input channel"
                + " or idle source that holds its watermark back, and what would release it.");
        HBox bar = new HBox(8, new Label("Node"), node, ask);
        bar.setPadding(new Insets(6));
        setTop(bar);
        setCenter(answer);
    }

    /** Asks the engine; the answer arrives on the JavaFX thread when the task has replied. */
    void ask() {
        String id = node.getValue();
        RunControl c = control.get();
        if (id == null) {
            answer.setText("Pick a node first.");
            return;
        }
        if (c == null) {
            answer.setText("Nothing is running: press play or step, then ask again.");
            return;
        }
        answer.setText("Asking the tasks of \"" + id + "\"…");
        follow(c, id, "", 0);
    }

    /** Asks about {@code id}; where inputs meet upstream (a union, a join), asks that node too, so the answer ends at the real holder. */
    private void follow(RunControl c, String id, String before, int depth) {
        c.watermarkStatus(id).whenComplete((statuses, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                answer.setText(before + "The engine could not say: " + cause.getMessage());
                return;
            }
            List<WatermarkDiagnosis.Answer> answers = WatermarkDiagnosis.explain(pipeline, id, statuses);
            String text = before + words(id, answers);
            answer.setText(text);
            String next = answers.isEmpty() ? null : WatermarkDiagnosis.askNext(pipeline, answers.get(0).holder());
            if (next != null && depth < 4) follow(c, next, text + "\n\nAnd at \"" + next + "\", where its inputs meet:\n", depth + 1);
        }));
    }

    static String words(String node, List<WatermarkDiagnosis.Answer> answers) {
        if (answers.isEmpty()) return "\"" + node + "\" runs in no task of this run.";
        StringBuilder b = new StringBuilder();
        for (WatermarkDiagnosis.Answer a : answers) {
            b.append("Subtask ").append(a.subtask()).append(" of \"").append(node).append("\": watermark ")
                    .append(WatermarkDiagnosis.time(a.watermark()));
            if (a.holder() != null) b.append(", held by ").append(a.holder());
            b.append('\n');
            for (String r : a.reasons()) b.append("  • ").append(r).append('\n');
        }
        return b.toString().trim();
    }

    String text() { return answer.getText(); }
}
