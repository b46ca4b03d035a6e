package dev.eddy.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.app.DesignerTestBase;
import dev.eddy.app.Screenshots;
import dev.eddy.observe.JobState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The live run of late-sensor-readings, driven as a person would: step, inject, play, scrub, ask why. */
class LiveRunTest extends DesignerTestBase {
    @Override
    protected Path initialFile() throws IOException { return copyOfSample("late-sensor-readings"); }

    private LiveRun run() { return window.liveRun(); }

    static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (Exception e) {
            throw new AssertionError("waited 30 s for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> c) throws Exception { return WaitForAsyncUtils.asyncFx(c).get(); }

    private String status() { return robot.lookup("#status").queryAs(Label.class).getText(); }

    @Test
    void stepInjectPlayAndScrubThroughTheRun() throws Exception {
        for (int i = 0; i < 3; i++) robot.clickOn("#run-step");
        waitUntil("three steps", () -> run().control() != null && run().control().steps() == 3);
        waitUntil("the first records drawn", () -> fx(() -> run().watermarks().recordDots()) == 3);
        assertEquals(JobState.PAUSED, run().state());
        assertTrue(robot.lookup("#badge-sensors").queryAs(Label.class).getText().contains("out 3"),
                robot.lookup("#badge-sensors").queryAs(Label.class).getText());

        // Editing the running pipeline is refused, in words; the run and the canvas stay the same graph.
        robot.clickOn("#node-tooLate");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.document().get().node("tooLate").isPresent());
        assertTrue(status().contains("The pipeline is running"), status());

        // A reading typed in by hand, for a room no sensor is in: it gets a window of its own.
        robot.clickOn("#run-inject");
        robot.clickOn("#inject-field-sensor").write("sensor-9");
        robot.clickOn("#inject-field-room").write("room-9");
        robot.clickOn("#inject-field-temperature").write("hot");
        robot.clickOn("#inject-field-ts").write("2024-01-01T00:00:01Z");
        robot.clickOn("Inject");
        assertTrue(robot.lookup("#inject-error").queryAs(Label.class).getText().contains("temperature"),
                "a value of the wrong type is refused, naming the field");
        robot.doubleClickOn("#inject-field-temperature").write("30.5");
        robot.clickOn("Inject");
        waitUntil("the injected record", () -> status().startsWith("Injected into \"sensors\""));

        // Why is the watermark where it is, mid-run: asked of the engine's tasks, answered in words.
        robot.clickOn("#tab-why-stuck .tab-label");
        robot.clickOn("#why-button");
        waitUntil("the answer", () -> fx(() -> run().why().text()).startsWith("Subtask 0 of \"fiveSeconds\""));
        String why = fx(() -> run().why().text());
        assertTrue(why.contains("held by eventTime") && why.contains("set idleness on \"eventTime\""), why);
        Screenshots.save(window.scene(), "live-run-why-stuck");

        @SuppressWarnings("unchecked")
        ComboBox<String> speed = robot.lookup("#run-speed").queryAs(ComboBox.class);
        robot.interact(() -> speed.setValue("as fast as possible"));
        robot.clickOn("#run-play");
        waitUntil("the end of the run", () -> run().state() == JobState.FINISHED && !run().isActive());

        // Watermarks: a step line per operator that only rises, and the strategy's 2 s bound below the records.
        List<Long> wm = fx(() -> run().watermarks().watermarkValues("fiveSeconds"));
        assertTrue(wm.size() > 10, "the watermark stepped " + wm.size() + " times");
        for (int i = 1; i < wm.size(); i++) assertTrue(wm.get(i) > wm.get(i - 1), "watermarks never go back: " + wm);
        assertEquals(301, (int) fx(() -> run().watermarks().recordDots()));
        assertEquals(1, (int) fx(() -> run().watermarks().lateDots()));

        // Windows: 4 per room, one more for the injected room, each fired by the watermark.
        WindowsView windows = run().windows();
        List<WindowsView.Win> all = fx(windows::windows);
        assertEquals(9, all.size(), "windows of fiveSeconds");
        WindowsView.Win injected = all.stream().filter(w -> "room-9".equals(String.valueOf(w.key))).findFirst().orElseThrow();
        fx(() -> {
            windows.show(injected);
            return null;
        });
        String details = fx(windows::details);
        assertTrue(details.contains("Elements (1)") && details.contains("sensor-9"), details);
        assertEquals(1, injected.firings.size(), details);
        assertTrue(injected.firings.get(0).contains("watermark") && injected.firings.get(0).contains("1 row(s)"),
                "the firing and its reason: " + injected.firings);
        assertTrue(details.contains("readings=1, avgTemp=30.5"), "the result computed from the element (lineage): " + details);

        // Late data: the reading that came too late, why in numbers, and where it went.
        List<LateDataView.LateRow> late = fx(() -> run().late().rows());
        assertEquals(1, late.size());
        assertTrue(late.get(0).why().contains("is at or below the watermark") && late.get(0).why().contains("ms behind the watermark"),
                late.get(0).why());
        assertTrue(late.get(0).wentTo().contains("\"tooLate\""), late.get(0).wentTo());
        assertTrue(fx(() -> run().output().rows()).stream().anyMatch(r -> r.sink().equals("averages") && r.key().equals("room-9")));
        assertEquals(1, fx(() -> run().output().received("tooLate")));
        assertTrue(fx(() -> run().metrics().seriesSizes()).values().stream().anyMatch(n -> n > 0), "throughput has points");
        String lateEdge = window.canvas().flowText(new dev.eddy.model.Edge("fiveSeconds", "late", "tooLate", null));
        assertTrue(lateEdge != null && lateEdge.contains("room-"), "the late edge shows the record that crossed it: " + lateEdge);

        // Lineage from the output: choosing the injected room's average opens its window, with the reading it came from.
        fx(() -> {
            windows.show(all.get(0));
            return null;
        });
        robot.clickOn("#tab-output .tab-label");
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<OutputView.OutputRow> outputTable = robot.lookup("#output-table").queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> outputTable.scrollTo(outputTable.getItems().stream().filter(r -> r.key().equals("room-9")).findFirst().orElseThrow()));
        javafx.scene.Node cell = robot.lookup("#output-table .table-cell").queryAll().stream()
                .filter(c -> c instanceof javafx.scene.control.Labeled l && "room-9".equals(l.getText())
                        && c.isVisible() && c.getParent() != null && c.getParent().isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no output row of room-9 on screen"));
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the window of that row", () -> fx(windows::details).contains("of key room-9"));
        assertEquals("Windows", window.belowTabs().getSelectionModel().getSelectedItem().getText());
        assertTrue(fx(windows::details).contains("sensor=sensor-9"), fx(windows::details));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Screenshots.save(window.scene(), "live-run-lineage");

        for (String tab : List.of("output", "watermarks", "windows", "late-data", "metrics")) {
            robot.clickOn("#tab-" + tab + " .tab-label");
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // charts on screen redraw at most ten times a second
            Screenshots.save(window.scene(), "live-run-" + tab);
        }

        // Scrub back to the middle of the run: every view shows that instant.
        Slider slider = robot.lookup("#time-slider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue((slider.getMin() + slider.getMax()) / 2));
        waitUntil("the middle of the run", () -> status().contains("showing") || robot.lookup("#run-status").queryAs(Label.class).getText().contains("showing"));
        int stepsThen = fx(() -> run().watermarks().watermarkSteps("fiveSeconds"));
        assertTrue(stepsThen > 0 && stepsThen < wm.size(), stepsThen + " of " + wm.size());
        assertTrue(fx(() -> run().windows().firings()) < 9);
        assertTrue(fx(() -> run().watermarks().recordDots()) < 301);
        robot.clickOn("#tab-watermarks .tab-label");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Screenshots.save(window.scene(), "live-run-scrubbed");
        robot.clickOn("#run-live");
        waitUntil("back to live", () -> fx(() -> run().windows().firings()) == 9);

        // After the end nothing holds the watermark back, and the answer says so.
        robot.clickOn("#tab-why-stuck .tab-label");
        robot.clickOn("#why-button");
        waitUntil("the answer after the end", () -> fx(() -> run().why().text()).contains("its input has ended"));

        // Once the run is over the pipeline can be edited again.
        robot.clickOn("#node-tooLate");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.document().get().node("tooLate").isPresent(),
                "selection " + window.selection().nodes() + ", focus " + window.scene().getFocusOwner() + ", status " + status());
    }

    @Test
    void parallelismAndBatchModeComeFromTheToolbar() throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<String> speed = robot.lookup("#run-speed").queryAs(ComboBox.class);
        robot.clickOn("#run-settings");
        @SuppressWarnings("unchecked")
        ComboBox<String> parallelism = robot.lookup("#run-parallelism").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> mode = robot.lookup("#run-mode").queryAs(ComboBox.class);
        robot.interact(() -> {
            speed.setValue("as fast as possible");
            parallelism.setValue("2");
        });
        assertEquals("p=2", robot.lookup("#run-settings").queryButton().getText());
        Screenshots.save(window.scene(), "live-run-settings");
        robot.clickOn("#run-settings");
        robot.clickOn("#run-play");
        waitUntil("the parallel run's end", () -> run().state() == JobState.FINISHED && !run().isActive());
        // Two source subtasks and the window's watermark is the lower of theirs: the reading that was too late at
        // parallelism 1 now comes within the allowed lateness and fires its window once more (as ./eddy run --parallelism 2).
        assertEquals(9, fx(() -> run().output().received("averages")));
        assertEquals(0, fx(() -> run().late().total()));
        assertTrue(fx(() -> run().metrics().subtaskWatermarks("fiveSeconds")).keySet().containsAll(List.of(0, 1)));
        // Selecting a node shows its watermark per subtask under it.
        robot.clickOn("#node-fiveSeconds");
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        String badge = robot.lookup("#badge-fiveSeconds").queryAs(Label.class).getText();
        assertTrue(badge.contains("subtask 0: ") && badge.contains("subtask 1: "), badge);

        // In batch mode there is no late data: every reading is in its window when the input ends.
        robot.interact(() -> {
            parallelism.setValue("parallelism as set");
            mode.setValue("batch");
        });
        robot.clickOn("#run-play");
        waitUntil("the batch run's end", () -> run().state() == JobState.FINISHED && !run().isActive());
        assertEquals(0, fx(() -> run().late().total()));
        assertEquals(0, fx(() -> run().output().received("tooLate")));
        assertEquals(8, fx(() -> run().output().received("averages")));
    }

    @Test
    void aPipelineWithErrorsDoesNotStartAndSaysWhy() throws Exception {
        robot.interact(() -> window.document().edit("remove an edge", p -> new dev.eddy.model.Pipeline(p.name(), p.description(),
                p.settings(), p.nodes(), p.edges().stream().filter(e -> !e.to().equals("byRoom")).toList(), p.layout(), p.lesson())));
        assertTrue(window.document().validation().hasErrors());
        robot.clickOn("#run-play");
        assertTrue(status().startsWith("The pipeline cannot run: "), status());
        assertEquals(JobState.CREATED, run().state());
        assertFalse(window.document().isLocked());
    }
}
