package dev.eddy.app.run;

import dev.eddy.lesson.LessonJudge;
import dev.eddy.lesson.Verdict;
import dev.eddy.model.Lesson;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.JobState;
import dev.eddy.observe.Observation;
import dev.eddy.validate.ValidationResult;
import java.util.function.LongSupplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * A lesson's task beside the canvas, its checks, and once a run has ended the engine's verdict:
 * which checks hold and, for those that miss, what the run did instead. It judges the observations
 * the live run feeds it, so after scrubbing back it shows no verdict until the replay reaches the end.
 */
public final class LessonPane extends ScrollPane implements RunView {
    private final VBox box = new VBox(10);
    private final Label title = new Label();
    private final Label task = new Label();
    private final VBox checks = new VBox(6);
    private final Label verdictLabel = new Label();
    private final Button solution = new Button("Open a solution");
    private final LongSupplier thinned;
    private Pipeline pipeline;
    private ValidationResult validation;
    private LessonJudge judge;
    private Verdict verdict;
    /** The pipeline in the document now, which edits may have taken away from the one judged. */
    private Pipeline document;
    private boolean changed;

    LessonPane(LongSupplier thinned) {
        this.thinned = thinned;
        setId("lesson-pane");
        getStyleClass().add("lesson-pane");
        setFitToWidth(true);
        setPrefWidth(300);
        setMinWidth(240);
        box.setPadding(new Insets(14));
        title.getStyleClass().add("lesson-title");
        task.setId("lesson-task");
        task.setWrapText(true);
        verdictLabel.setId("lesson-verdict");
        verdictLabel.setWrapText(true);
        solution.setId("lesson-solution");
        solution.setVisible(false);
        solution.setManaged(false);
        Label checksTitle = new Label("Checks when the run ends");
        checksTitle.getStyleClass().add("lesson-section");
        box.getChildren().addAll(title, task, verdictLabel, checksTitle, checks, solution);
        setContent(box);
    }

    /** The pipeline the next run judges (the views are built for it); null or lesson-less hides the pane's content. */
    void show(Pipeline p, ValidationResult v) {
        pipeline = p;
        validation = v;
        reset();
    }

    /** Shows a button that opens a solution of the lesson, or hides it for null. */
    public void offerSolution(Runnable open) {
        solution.setOnAction(e -> {
            if (open != null) open.run();
        });
        solution.setVisible(open != null);
        solution.setManaged(open != null);
    }

    /** After an edit, a verdict shown is of the pipeline before it: said so, until the next run checks again (or an undo goes back). */
    public void edited(Pipeline now) {
        document = now;
        showVerdict();
    }

    private boolean edited() {
        return document != null && pipeline != null && !(document.nodes().equals(pipeline.nodes())
                && document.edges().equals(pipeline.edges()) && document.settings().equals(pipeline.settings()));
    }

    public boolean hasLesson() { return pipeline != null && pipeline.lesson() != null; }

    /** The verdict of the run shown, or null while it has not ended. */
    public Verdict verdict() { return verdict; }

    @Override
    public void reset() {
        verdict = null;
        judge = hasLesson() ? new LessonJudge(pipeline, validation) : null;
        Lesson l = hasLesson() ? pipeline.lesson() : null;
        title.setText(l == null ? "" : pipeline.name() == null ? "Lesson" : pipeline.name());
        task.setText(l == null ? "" : l.task());
        checks.getChildren().clear();
        if (l != null) {
            for (Lesson.Check c : l.checks()) checks.getChildren().add(checkLine("○", c.says() != null ? c.says() : "count " + c.count().id(), null));
        }
        verdictLabel.setText(l == null ? "" : "Press play: when the run ends, each check says whether it holds.");
        verdictLabel.getStyleClass().removeAll("lesson-solved", "lesson-not-yet");
    }

    private static Label checkLine(String mark, String goal, String words) {
        Label line = new Label(mark + " " + goal + (words == null ? "" : "\n" + words));
        line.setWrapText(true);
        line.getStyleClass().add("lesson-check");
        return line;
    }

    @Override
    public void accept(Observation o) {
        if (judge == null || verdict != null) return;
        judge.accept(o);
        if (o instanceof Observation.JobStateChanged s && (s.state() == JobState.FINISHED || s.state() == JobState.FAILED || s.state() == JobState.CANCELED)) {
            verdict = judge.verdict(s.state(), s.reason(), thinned.getAsLong());
            changed = true;
        }
    }

    @Override
    public void frame() {
        if (!changed || verdict == null) return;
        changed = false;
        checks.getChildren().clear();
        for (Verdict.Line l : verdict.lines()) {
            Label line = checkLine(l.holds() ? "✓" : "✗", l.goal(), l.words());
            line.getStyleClass().add(l.holds() ? "lesson-holds" : "lesson-misses");
            checks.getChildren().add(line);
        }
        showVerdict();
    }

    private void showVerdict() {
        if (verdict == null) return;
        verdictLabel.getStyleClass().removeAll("lesson-solved", "lesson-not-yet");
        if (edited()) {
            verdictLabel.setText("The pipeline changed since this run: press play to check it again. The run before: " + verdict.summary());
        } else {
            verdictLabel.setText(verdict.summary());
            verdictLabel.getStyleClass().add(verdict.solved() ? "lesson-solved" : "lesson-not-yet");
        }
    }
}
