package dev.eddy.app.run;

import static dev.eddy.app.run.LiveRunTest.fx;
import static dev.eddy.app.run.LiveRunTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.app.DesignerTestBase;
import dev.eddy.app.Screenshots;
import dev.eddy.observe.JobState;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pictures of docs/guide that no other test takes, each of a sample run to its end with what
 * the guide says about it checked on the way: time-notions' three kinds of watermark, window-functions'
 * folded window, and the stuck-window lesson's verdict.
 */
class GuidePicturesTest extends DesignerTestBase {
    private LiveRun run() { return window.liveRun(); }

    private void open(Path file) {
        robot.interact(() -> window.actions().openFile(file, false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void playToTheEnd() {
        robot.interact(() -> run().setSettings(new RunSession.Settings(null, null, null, dev.eddy.runtime.driver.Pacer.AS_FAST_AS_POSSIBLE)));
        robot.clickOn("#run-play");
        waitUntil("the run's end", () -> run().state() == JobState.FINISHED && !run().isActive());
    }

    private void select(String tab) {
        robot.interact(() -> window.belowTabs().getSelectionModel().select(
                window.belowTabs().getTabs().stream().filter(t -> ("tab-" + tab).equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Test
    void eventIngestionAndProcessingTime() throws Exception {
        open(copyOfSample("time-notions"));
        playToTheEnd();
        select("watermarks");
        assertTrue(fx(() -> run().watermarks().seriesSizes()).keySet().stream().anyMatch(k -> k.contains("ingestionTime")),
                fx(() -> run().watermarks().seriesSizes()).toString());
        assertEquals(2, fx(() -> run().output().received("processingCounts")), "the last processing-time window never fires");
        assertEquals(3, fx(() -> run().output().received("ingestionCounts")));
        Screenshots.save(window.scene(), "guide-time-notions");
    }

    @Test
    void anIncrementalWindowKeepsNoElements() throws Exception {
        open(copyOfSample("window-functions"));
        playToTheEnd();
        select("output");
        @SuppressWarnings("unchecked")
        TableView<OutputView.OutputRow> table = robot.lookup("#output-table").queryAs(TableView.class);
        robot.interact(() -> table.scrollTo(table.getItems().stream().filter(r -> r.sink().equals("averages")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node cell = robot.lookup("#output-table .table-cell").queryAll().stream()
                .filter(c -> c instanceof javafx.scene.control.Labeled l && "averages".equals(l.getText()) && c.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no row of averages on screen: " + table.getItems().size()));
        robot.clickOn(cell);
        waitUntil("the window of that row", () -> fx(() -> run().windows().details()).contains("folded into one accumulator"));
        Screenshots.save(window.scene(), "guide-window-functions");
    }

    @Test
    void theStuckWindowLesson() throws Exception {
        Path lessons = Path.of(System.getProperty("eddy.samples"), "lessons");
        Path file = Files.copy(lessons.resolve("stuck-window.json"), work.resolve("stuck-window.json"));
        open(file);
        // Mid-run, the engine says what holds the window back.
        for (int i = 0; i < 40; i++) robot.clickOn("#run-step");
        waitUntil("forty steps", () -> run().control() != null && run().control().steps() == 40);
        select("why-stuck");
        robot.clickOn("#why-button");
        try {
            waitUntil("the answer", () -> fx(() -> run().why().text()).contains("cellarTime"));
        } catch (AssertionError e) {
            throw new AssertionError(fx(() -> run().why().text()), e);
        }
        Screenshots.save(window.scene(), "guide-stuck-window-why");
        playToTheEnd();
        waitUntil("the verdict", () -> run().lessonPane().verdict() != null);
        assertTrue(fx(() -> run().lessonPane().verdict().summary()).startsWith("Not yet: Windows of \"tenSeconds\" never fired before the input ended"));
        select("watermarks");
        Screenshots.save(window.scene(), "guide-stuck-window");
    }
}
