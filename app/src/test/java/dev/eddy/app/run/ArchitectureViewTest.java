package dev.eddy.app.run;

import static dev.eddy.app.run.LiveRunTest.fx;
import static dev.eddy.app.run.LiveRunTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.app.DesignerTestBase;
import dev.eddy.app.Screenshots;
import dev.eddy.observe.JobState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** The architecture tab of failure-and-recovery at parallelism 2: client, JobManager, a TaskManager's slots, live through a restart. */
class ArchitectureViewTest extends DesignerTestBase {
    @Override
    protected Path initialFile() throws IOException { return copyOfSample("failure-and-recovery"); }

    @Test
    void theSlotsHoldOneSubtaskOfEveryTaskAndTheJobManagerTellsOfCheckpointsAndTheRestart() throws Exception {
        LiveRun run = window.liveRun();
        robot.interact(() -> run.setSettings(new RunSession.Settings(null, 2, null, run.settings().speed())));
        robot.clickOn("#tab-architecture .tab-label");
        ArchitectureView view = fx(() -> (ArchitectureView) robot.lookup("#architecture-view").query());
        assertEquals(2, fx(() -> view.plan().slots()), "parallelism 2: two slots");
        List<String> slot = fx(() -> view.slotContents(1));
        assertTrue(slot.stream().allMatch(s -> s.startsWith("○ ") && s.endsWith("(2/2)")), slot.toString());

        robot.clickOn("#run-play");
        waitUntil("the run's end", () -> run.state() == JobState.FINISHED && !run.isActive());
        List<String> done = fx(() -> view.slotContents(0));
        assertTrue(!done.isEmpty() && done.stream().allMatch(s -> s.startsWith("✓ ")), done.toString());
        String now = robot.lookup("#architecture-jobmanager-now").queryAs(Label.class).getText();
        assertTrue(now.startsWith("Now: the job is finished; ") && now.contains("checkpoints completed") && now.endsWith("restarted once."), now);
        robot.interact(() -> window.belowTabs().getSelectionModel().select(
                window.belowTabs().getTabs().stream().filter(t -> "tab-architecture".equals(t.getId())).findFirst().orElseThrow()));
        Screenshots.save(window.scene(), "live-run-architecture");
    }
}
