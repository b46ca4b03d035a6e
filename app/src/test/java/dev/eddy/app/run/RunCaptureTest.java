package dev.eddy.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.app.DesignerTestBase;
import dev.eddy.runtime.driver.Pacer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** {@code eddy design --capture} on click-sessions: the run plays in the window, and the pictures and report say what it did. */
class RunCaptureTest extends DesignerTestBase {
    @Override
    protected Path initialFile() throws IOException { return copyOfSample("click-sessions"); }

    @Test
    void captureWritesAPicturePerViewAndWhatTheRunDid() throws Exception {
        Path dir = work.resolve("capture");
        CompletableFuture<RunCapture.Result> done = new CompletableFuture<>();
        robot.interact(() -> new RunCapture(window.scene(), window.belowTabs(), window.liveRun(), dir, 60, done::complete)
                .begin(Pacer.AS_FAST_AS_POSSIBLE));
        RunCapture.Result result = done.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, result.failure());
        // Output, Watermarks, Windows, Late data, Metrics, Why stuck? and Architecture: every view this pipeline has.
        assertEquals(7, result.pictures().size());
        assertTrue(result.pictures().stream().anyMatch(p -> p.getFileName().toString().contains("architecture")), result.pictures().toString());
        for (Path p : result.pictures()) assertTrue(Files.size(p) > 10_000, p + " holds a picture");

        JsonNode r = new ObjectMapper().readTree(result.report().toFile());
        assertEquals("finished", r.get("state").asText());
        assertEquals(60, r.at("/nodes/clicks/recordsOut").asLong());
        assertEquals(60, r.at("/nodes/sessions/recordsIn").asLong());
        assertEquals("end of input", r.at("/nodes/sessions/finalWatermark").asText());
        long sessions = r.at("/nodes/out/recordsIn").asLong();
        assertEquals(sessions, r.get("windowsFired").asLong(), "one result per session fired");
        assertTrue(r.at("/seriesPoints/records").asInt() == 60, r.toString());
        assertTrue(r.get("frames").asInt() >= 1 && r.get("frameTimeP99Ms").asDouble() > 0, r.toString());

        // Sessions merge as the clicks of a user come closer than the gap, and the window view counts it.
        assertTrue(window.liveRun().windows().merges() > 0);
        Files.copy(dir.resolve("windows.png"), dev.eddy.app.Screenshots.DIR.resolve("capture-click-sessions-windows.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
