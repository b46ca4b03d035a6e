package dev.eddy.app.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.util.Duration;

/**
 * {@code eddy design PIPELINE --capture DIR}: plays the pipeline in the real window, and when the
 * run ends (or the time is up, then it pauses) saves a picture of the window with each of the run's
 * views in front, and {@code capture.json} with what the run did and how fluid the window stayed.
 */
public final class RunCapture {
    /** What a capture wrote: the report and the pictures, or the words saying why it could not. */
    public record Result(Path report, List<Path> pictures, String failure) {}

    private final Scene scene;
    private final TabPane tabs;
    private final LiveRun run;
    private final Path dir;
    private final double seconds;
    private final Consumer<Result> done;
    private long startedNanos;
    private long stoppedNanos;
    /** From the engine reaching an instant a second into the run to the views holding it; -1 if the run ended first. */
    private double engineToViewsMs = -1;

    public RunCapture(Scene scene, TabPane tabs, LiveRun run, Path dir, double seconds, Consumer<Result> done) {
        this.scene = scene;
        this.tabs = tabs;
        this.run = run;
        this.dir = dir;
        this.seconds = seconds;
        this.done = done;
    }

    /** Starts the run at the given speed and captures when it is over; call on the JavaFX thread. */
    public void begin(double speed) {
        RunSession.Settings s = run.settings();
        run.setSettings(new RunSession.Settings(s.mode(), s.parallelism(), s.seed(), speed));
        run.play();
        if (!run.isActive()) {
            done.accept(new Result(null, List.of(), "the run did not start (see the status line): " + statusLine()));
            return;
        }
        startedNanos = System.nanoTime();
        PauseTransition wait = new PauseTransition(Duration.millis(Math.min(1000, seconds * 500)));
        wait.setOnFinished(e -> probeDelay());
        wait.play();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                boolean timeUp = (System.nanoTime() - startedNanos) / 1e9 >= seconds;
                if (run.isActive() && !timeUp) return;
                stop();
                stoppedNanos = System.nanoTime();
                if (run.isActive()) run.pause();
                // A few frames more, so that the last observations are drained and drawn before the pictures.
                PauseTransition settle = new PauseTransition(Duration.millis(400));
                settle.setOnFinished(e -> picture(0, new ArrayList<>()));
                settle.play();
            }
        }.start();
    }

    /**
     * How far behind the engine the views are while it runs flat out: the wall time from the moment
     * the engine reached a processing time (every record it has taken in by then) to the moment the
     * views have taken in everything up to it. A record's dot follows at the chart's next redraw.
     */
    private void probeDelay() {
        if (!run.isActive() || run.control() == null) return;
        long sent = System.nanoTime();
        run.whenReached(run.control().virtualTime(), () -> engineToViewsMs = (System.nanoTime() - sent) / 1e6);
    }

    private String statusLine() {
        return scene.lookup("#status") instanceof javafx.scene.control.Label l ? l.getText() : "";
    }

    private void picture(int i, List<Path> pictures) {
        List<Tab> views = run.tabs();
        if (i == views.size()) {
            finish(pictures);
            return;
        }
        Tab tab = views.get(i);
        tabs.getSelectionModel().select(tab);
        if (tab.getContent() instanceof WhyStuckView why) why.ask();
        // A picture of the windows says more with one window opened: the first that fired more than once, or at all.
        if (tab.getContent() instanceof WindowsView windows) {
            windows.windows().stream().filter(w -> w.firings.size() > 1).findFirst()
                    .or(() -> windows.windows().stream().filter(w -> !w.firings.isEmpty()).findFirst()).ifPresent(windows::show);
        }
        PauseTransition drawn = new PauseTransition(Duration.millis(300));
        drawn.setOnFinished(e -> {
            try {
                pictures.add(Snapshots.writePng(scene.getRoot(), dir.resolve(tab.getId().replace("tab-", "") + ".png")));
                picture(i + 1, pictures);
            } catch (IOException ex) {
                done.accept(new Result(null, pictures, "could not write a picture in " + dir + ": " + ex.getMessage()));
            }
        });
        drawn.play();
    }

    private void finish(List<Path> pictures) {
        try {
            Path report = dir.resolve("capture.json");
            Files.createDirectories(dir);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), report(pictures));
            done.accept(new Result(report, pictures, null));
        } catch (IOException e) {
            done.accept(new Result(null, pictures, "could not write " + dir.resolve("capture.json") + ": " + e.getMessage()));
        }
    }

    ObjectNode report(List<Path> pictures) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode r = json.createObjectNode();
        Pipeline p = run.pipelineShown();
        r.put("pipeline", p.name());
        r.put("state", run.state().name().toLowerCase(java.util.Locale.ROOT));
        r.put("ended", run.state() == JobState.FINISHED || run.state() == JobState.FAILED || run.state() == JobState.CANCELED);
        double wall = (stoppedNanos - startedNanos) / 1e9;
        r.put("wallSeconds", Math.round(wall * 1000) / 1000.0);
        ObjectNode nodes = r.putObject("nodes");
        long sourceRecords = 0;
        for (Node n : p.nodes()) {
            MetricsView.Totals t = run.totals(n.id());
            ObjectNode o = nodes.putObject(n.id());
            o.put("type", n.type());
            o.put("recordsIn", t.recordsIn());
            o.put("recordsOut", t.recordsOut());
            o.put("errors", t.errors());
            o.put("finalWatermark", Charts.clock(t.watermark()));
            if (n.type().startsWith("source.")) sourceRecords += t.recordsOut();
        }
        r.put("recordsPerWallSecond", wall > 0 ? Math.round(sourceRecords / wall) : 0);
        r.put("windowsFired", run.windowsFired());
        r.put("lateRecords", run.lateRecords());
        ObjectNode series = r.putObject("seriesPoints");
        run.seriesSizes().forEach(series::put);
        FrameClock f = run.frames();
        r.put("frames", f.frames());
        r.put("frameTimeP50Ms", round(f.intervalMillis(0.5)));
        r.put("frameTimeP99Ms", round(f.intervalMillis(0.99)));
        r.put("runWorkPerFrameP99Ms", round(f.workMillis(0.99)));
        r.put("recordedObservations", run.recording().size());
        if (engineToViewsMs >= 0) r.put("engineToViewsDelayMs", round(engineToViewsMs));
        else r.putNull("engineToViewsDelayMs");
        // What the window holds after the run (its recording and views), less what was garbage.
        System.gc();
        var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        r.put("heapUsedAfterGcMb", Math.round(heap.getUsed() / 1e5) / 10.0);
        var shots = r.putArray("pictures");
        pictures.forEach(x -> shots.add(x.getFileName().toString()));
        return r;
    }

    private static double round(double ms) { return Math.round(ms * 100) / 100.0; }
}
