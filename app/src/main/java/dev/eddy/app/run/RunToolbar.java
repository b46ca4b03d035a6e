package dev.eddy.app.run;

import dev.eddy.app.Icons;
import dev.eddy.model.RuntimeMode;
import dev.eddy.observe.JobState;
import dev.eddy.runtime.driver.Pacer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The run's controls: play, pause, step, stop, reset, a record typed in, the speed, and the
 * settings a run starts with (mode, parallelism, seed); below them the time slider over the
 * recorded run and the run's status line.
 */
public final class RunToolbar {
    static final Map<String, Double> SPEEDS = new LinkedHashMap<>();

    static {
        SPEEDS.put("0.1×", 0.1);
        SPEEDS.put("0.5×", 0.5);
        SPEEDS.put("1×", 1.0);
        SPEEDS.put("2×", 2.0);
        SPEEDS.put("10×", 10.0);
        SPEEDS.put("100×", 100.0);
        SPEEDS.put("as fast as possible", Pacer.AS_FAST_AS_POSSIBLE);
    }

    private final LiveRun run;
    private final ComboBox<String> speed = new ComboBox<>();
    private final ComboBox<String> mode = new ComboBox<>();
    private final ComboBox<String> parallelism = new ComboBox<>();
    private final TextField seed = new TextField();
    private final Slider slider = new Slider(0, 1, 1);
    private final List<javafx.scene.Node> controls;
    private final HBox timeline;
    private final Label instant = new Label("no run yet");
    private boolean movingSlider;

    public RunToolbar(LiveRun run, InjectDialog inject) {
        this.run = run;
        BooleanBinding active = Bindings.createBooleanBinding(run::isActive, run.stateProperty());
        BooleanBinding playing = Bindings.createBooleanBinding(() -> run.isActive() && run.state() == JobState.RUNNING, run.stateProperty());
        Button play = button("run-play", "mdi2p-play", "Play: run the pipeline at the chosen speed", run::play);
        play.disableProperty().bind(playing);
        Button pause = button("run-pause", "mdi2p-pause", "Pause", run::pause);
        pause.disableProperty().bind(playing.not());
        Button step = button("run-step", "mdi2s-step-forward", "Single step: one record (or one timer) and everything it causes", run::step);
        Button stop = button("run-stop", "mdi2s-stop", "Stop: end the run here; its recording stays to be scrubbed", run::stop);
        stop.disableProperty().bind(active.not());
        Button reset = button("run-reset", "mdi2r-restart", "Reset: throw the run away and edit again", run::reset);
        Button fail = button("run-fail", "mdi2f-flash", "Fail now: a task crashes here, as a machine that loses its power;"
                + " the run restarts from its last checkpoint if its settings let it", run::failNow);
        fail.disableProperty().bind(active.not());
        Button injectButton = button("run-inject", "mdi2p-plus-box-outline", "Inject a record into a source, with its event time", null);
        injectButton.setOnAction(e -> inject.show(injectButton.getScene() == null ? null : injectButton.getScene().getWindow()));
        speed.setId("run-speed");
        speed.getItems().addAll(SPEEDS.keySet());
        speed.setValue("1×");
        speed.setTooltip(new Tooltip("Processing time per wall-clock time"));
        mode.setId("run-mode");
        mode.getItems().addAll("mode as set", "streaming", "batch");
        mode.setValue("mode as set");
        parallelism.setId("run-parallelism");
        parallelism.getItems().addAll("parallelism as set", "1", "2", "3", "4", "8");
        parallelism.setValue("parallelism as set");
        seed.setId("run-seed");
        seed.setPromptText("seed");
        seed.setPrefColumnCount(6);
        seed.setTooltip(new Tooltip("The seed of generated data and of every random choice; the same seed runs the same"));
        for (var c : new javafx.scene.control.Control[] {mode, parallelism, seed}) c.disableProperty().bind(active);
        speed.valueProperty().addListener((o, a, b) -> applySettings());
        // A speed set elsewhere (a capture plays as fast as possible) shows here too.
        run.settingsProperty().addListener((o, a, b) -> speed.setValue(label(b.speed())));
        mode.valueProperty().addListener((o, a, b) -> applySettings());
        parallelism.valueProperty().addListener((o, a, b) -> applySettings());
        seed.textProperty().addListener((o, a, b) -> applySettings());
        speed.setPrefWidth(150);
        controls = List.of(play, pause, step, stop, reset, new Separator(), injectButton, fail, new Separator(),
                new Label("Speed"), speed, settingsButton());
        timeline = timeline();
        // The slider means nothing before a run: the canvas keeps that height until there is one.
        timeline.visibleProperty().bind(run.stateProperty().isNotEqualTo(JobState.CREATED));
        timeline.managedProperty().bind(timeline.visibleProperty());
    }

    /**
     * What a run starts with (mode, parallelism, seed) sits behind one button, in a ControlsFX
     * PopOver, so the toolbar fits a narrow window; the button says what is chosen.
     */
    private Button settingsButton() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new javafx.geometry.Insets(10));
        grid.addRow(0, new Label("Mode"), mode);
        grid.addRow(1, new Label("Parallelism"), parallelism);
        grid.addRow(2, new Label("Seed"), seed);
        Label note = new Label("For the next run; a running one keeps its own.");
        note.getStyleClass().add("hint");
        grid.add(note, 0, 3, 2, 1);
        org.controlsfx.control.PopOver pop = new org.controlsfx.control.PopOver(grid);
        pop.setTitle("Run settings");
        pop.setDetachable(false);
        pop.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.TOP_CENTER);
        Button b = button("run-settings", "mdi2c-cog-outline", "Mode, parallelism and seed of the next run", null);
        b.setOnAction(e -> {
            if (pop.isShowing()) pop.hide();
            else pop.show(b);
        });
        javafx.beans.binding.StringBinding text = Bindings.createStringBinding(() -> {
            String m = mode.getValue().startsWith("mode") ? "" : mode.getValue();
            String p = parallelism.getValue().matches("\\d+") ? "p=" + parallelism.getValue() : "";
            String sd = seed.getText() == null || seed.getText().isBlank() ? "" : "seed " + seed.getText().trim();
            return String.join(" ", java.util.stream.Stream.of(m, p, sd).filter(x -> !x.isEmpty()).toList());
        }, mode.valueProperty(), parallelism.valueProperty(), seed.textProperty());
        b.textProperty().bind(text);
        return b;
    }

    /** The buttons and choices, for the designer's toolbar. */
    public List<javafx.scene.Node> controls() { return controls; }

    /** The time slider row, under the toolbar. */
    public HBox timelineRow() { return timeline; }

    private HBox timeline() {
        slider.setId("time-slider");
        slider.setDisable(true);
        slider.setTooltip(new Tooltip("Drag back through the recorded run: every view shows that instant"));
        slider.valueProperty().addListener((o, a, b) -> {
            if (!movingSlider) run.showInstant(Math.round(b.doubleValue()));
        });
        Button live = button("run-live", "mdi2s-skip-next", "Back to live: follow the run as it happens", run::showLive);
        live.setText("Live");
        live.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(slider, Priority.ALWAYS);
        instant.setId("time-shown");
        instant.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(8, live, slider, instant);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("run-timeline");
        // The slider follows the recording's extent once a frame; the user's drag moves the instant shown.
        new AnimationTimer() {
            @Override
            public void handle(long now) { followRecording(); }
        }.start();
        return row;
    }

    private void followRecording() {
        RunRecording r = run.recording();
        movingSlider = true;
        try {
            slider.setDisable(r.size() == 0);
            if (r.size() == 0) {
                instant.setText("no run yet");
                return;
            }
            slider.setMin(r.firstTime());
            slider.setMax(Math.max(r.firstTime() + 1, r.lastTime()));
            if (!run.isScrubbing()) slider.setValue(slider.getMax());
            instant.setText((run.isScrubbing() ? "at " : "live, ") + Charts.clock(Math.round(slider.getValue())));
        } finally {
            movingSlider = false;
        }
    }

    static String label(double speed) {
        for (Map.Entry<String, Double> e : SPEEDS.entrySet()) if (e.getValue() == speed) return e.getKey();
        return (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed)) + "×";
    }

    private void applySettings() {
        Double s = SPEEDS.get(speed.getValue());
        if (s == null) s = run.settings().speed();
        RuntimeMode m = switch (mode.getValue()) {
            case "streaming" -> RuntimeMode.STREAMING;
            case "batch" -> RuntimeMode.BATCH;
            default -> null;
        };
        Integer p = parallelism.getValue() == null || !parallelism.getValue().matches("\\d+") ? null : Integer.valueOf(parallelism.getValue());
        Long sd = null;
        String text = seed.getText() == null ? "" : seed.getText().trim();
        if (text.matches("-?\\d{1,18}")) sd = Long.valueOf(text);
        seed.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), !text.isEmpty() && sd == null);
        run.setSettings(new RunSession.Settings(m, p, sd, s));
    }

    private static Button button(String id, String icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        if (action != null) b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }
}
