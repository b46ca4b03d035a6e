package dev.eddy.app.run;

import static dev.eddy.app.run.LiveRunTest.fx;
import static dev.eddy.app.run.LiveRunTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.app.DesignerTestBase;
import dev.eddy.app.Screenshots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** The State tab while the temperature alert runs: each sensor's last reading and the timer that will forget it. */
class KeyedStateViewTest extends DesignerTestBase {
    @Override
    protected Path initialFile() throws IOException { return copyOfSample("temperature-alert"); }

    @SuppressWarnings("unchecked")
    private List<KeyedStateView.Line> lines() {
        return List.copyOf(robot.lookup("#state-table").queryAs(TableView.class).getItems());
    }

    private boolean s1Read(String value) {
        return lines().stream().anyMatch(l -> l.key().equals("s1") && l.what().startsWith("last ") && l.value().equals(value));
    }

    @Test
    void eachSensorsStateAndTimerShowAsTheRunSteps() throws Exception {
        robot.clickOn("#tab-state");
        // Step by step (a step is a record, or a timer such as the periodic watermark's) until s1's second
        // reading is in: s1 at 12:00:00 and 12:00:10, s3 at 12:00:02, s2 at 12:00:05.
        for (int i = 0; i < 20 && !s1Read("22.5"); i++) {
            long before = window.liveRun().control() == null ? 0 : window.liveRun().control().steps();
            robot.clickOn("#run-step");
            waitUntil("a step", () -> window.liveRun().control() != null && window.liveRun().control().steps() > before);
            Thread.sleep(300);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(s1Read("22.5"), lines().toString());
        assertEquals(3, fx(() -> window.liveRun().keyedState().keysShown()));
        List<KeyedStateView.Line> s1 = lines().stream().filter(l -> l.key().equals("s1")).toList();
        assertEquals(List.of("last (value)", "last_time (value)", "event-time timer"), s1.stream().map(KeyedStateView.Line::what).toList());
        assertEquals("22.5", s1.get(0).value());
        assertEquals("2024-05-01T12:00:10Z", s1.get(1).value());
        // The reading at 12:00:10 moved s1's timer: the one for 12:01:00 was deleted.
        assertTrue(s1.get(2).value().startsWith("fires at") && s1.get(2).value().contains("12:01:10"), s1.get(2).value());
        String when = robot.lookup("#state-when").queryAs(Label.class).getText();
        assertTrue(when.startsWith("3 keys") && when.contains("watermark"), when);
        Screenshots.save(window.scene(), "live-run-state");

        // At the end every timer has fired and cleared its sensor's state.
        robot.clickOn("#run-play");
        waitUntil("the run to end", () -> window.liveRun().control().isOver());
        waitUntil("the state emptied", () -> fx(() -> lines().isEmpty()));
    }
}
