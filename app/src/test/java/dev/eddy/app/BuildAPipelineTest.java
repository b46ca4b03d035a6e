package dev.eddy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.model.Edge;
import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.model.PipelineWriter;
import dev.eddy.model.Position;
import dev.eddy.nodes.StandardCatalog;
import dev.eddy.validate.PipelineValidator;
import dev.eddy.validate.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/** A person builds sequence → filter → discard from the palette, connects it, fixes it, undoes, saves and reopens. */
class BuildAPipelineTest extends DesignerTestBase {
    private void dragFromPalette(String search, String entry, double x, double y) {
        robot.doubleClickOn("#palette-search").eraseText(20).write(search);
        WaitForAsyncUtils.waitForFxEvents();
        robot.drag("#palette-" + entry).moveTo(robot.lookup("#canvas").query(), Pos.TOP_LEFT, new Point2D(x, y), Motion.DIRECT).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> problems() {
        return window.document().validation().problems().stream().map(Problem::toString).toList();
    }

    @Test
    void buildConnectFixUndoSaveAndReopen() throws Exception {
        robot.clickOn("#start-new");
        dragFromPalette("sequence", "sequence", 60, 80);
        dragFromPalette("filter", "filter", 320, 80);
        dragFromPalette("discard", "discard", 320, 300);
        Pipeline p = window.document().get();
        assertEquals(List.of("sequence", "filter", "discard"), p.nodes().stream().map(dev.eddy.model.Node::id).toList());
        assertTrue(p.layout().values().stream().allMatch(pos -> pos.x() % 20 == 0 && pos.y() % 20 == 0), p.layout().toString());

        robot.drag("#port-sequence-out-out").dropTo("#port-filter-in-in");
        robot.drag("#port-filter-out-out").dropTo("#port-discard-in-in");
        assertEquals(List.of(Edge.of("sequence", "filter"), Edge.of("filter", "discard")), window.document().get().edges());

        // A second source into the filter's single input is refused, and the status line says why.
        dragFromPalette("sequence", "sequence", 40, 420);
        robot.drag("#port-sequence-2-out-out").moveTo("#port-filter-in-in");
        assertTrue(robot.lookup("#port-filter-in-in").query().getStyleClass().contains("port-invalid"));
        assertTrue(robot.lookup("#port-discard-in-in").query().getStyleClass().contains("port-invalid"));
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, window.document().get().edges().size());
        assertEquals("Cannot connect: input \"in\" of \"filter\" takes one stream and already has \"sequence\"; merge streams with a union first",
                robot.lookup("#status").queryAs(Label.class).getText());
        robot.clickOn("#node-sequence-2");
        robot.type(KeyCode.DELETE);
        assertFalse(window.document().get().node("sequence-2").isPresent());

        // The filter has no condition yet: a problem, listed below and marked on the node.
        assertTrue(problems().stream().anyMatch(s -> s.contains("condition")), problems().toString());
        assertTrue(robot.lookup("#node-filter").query().getStyleClass().contains("has-error"));
        Screenshots.save(window.scene(), "designer-problem");

        robot.clickOn("#node-filter");
        robot.clickOn("#param-condition").write("valeu > 5");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".param-problem").queryAs(Label.class).getText().startsWith("column 1: unknown field \"valeu\""),
                robot.lookup(".param-problem").queryAs(Label.class).getText());
        robot.eraseText(9).write("value > 5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("value > 5", window.document().get().node("filter").get().paramsView().get("condition").textValue());
        assertFalse(problems().stream().anyMatch(s -> s.contains("condition")), problems().toString());
        assertFalse(robot.lookup("#node-filter").query().getStyleClass().contains("has-error"));

        robot.clickOn("#node-sequence");
        robot.clickOn("#param-to").write("10").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), problems());
        Screenshots.save(window.scene(), "designer-built");

        // Undo goes back step by step, redo comes forward again.
        robot.clickOn("#canvas", javafx.scene.input.MouseButton.PRIMARY);
        shortcut(KeyCode.Z);
        assertFalse(window.document().get().node("sequence").get().paramsView().has("to"));
        shortcut(KeyCode.Z);
        assertFalse(window.document().get().node("filter").get().paramsView().has("condition"));
        assertTrue(robot.lookup("#node-filter").query().getStyleClass().contains("has-error"));
        shortcut(KeyCode.Y);
        shortcut(KeyCode.Y);
        assertEquals(List.of(), problems());
        assertTrue(window.document().isDirty());

        Path file = work.resolve("designed.json");
        WaitForAsyncUtils.asyncFx(() -> window.actions().saveTo(file)).get();
        assertFalse(window.document().isDirty());
        assertEquals("untitled — designed.json — Eddy", ((javafx.stage.Stage) window.scene().getWindow()).getTitle());
        String saved = Files.readString(file, StandardCharsets.UTF_8);
        Pipeline written = PipelineReader.read(file);
        assertEquals(expectedWithout(written.layout()), withoutLayout(saved));
        for (Position pos : written.layout().values()) assertTrue(pos.x() % 20 == 0 && pos.y() % 20 == 0);
        assertFalse(new PipelineValidator(StandardCatalog.get()).validate(written).hasErrors());
        assertEquals(saved, PipelineWriter.write(written), "the headless reader and writer give back the same bytes");

        // Move a node, save with Ctrl+S, open the file again: the designer shows what was saved.
        robot.drag("#node-filter").moveBy(0, 80).drop();
        assertTrue(window.document().isDirty());
        assertTrue(((javafx.stage.Stage) window.scene().getWindow()).getTitle().startsWith("● "));
        shortcut(KeyCode.S);
        assertFalse(window.document().isDirty());
        Pipeline moved = PipelineReader.read(file);
        WaitForAsyncUtils.asyncFx(() -> window.actions().openFile(file, true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(moved, window.document().get());
        assertTrue(present("#node-discard"));
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), PipelineWriter.write(window.document().get()));
    }

    private static String withoutLayout(String json) {
        int at = json.indexOf(",\n  \"layout\"");
        return at < 0 ? json : json.substring(0, at) + "\n}\n";
    }

    private static String expectedWithout(java.util.Map<String, Position> layout) throws Exception {
        assertEquals(List.of("sequence", "filter", "discard"), List.copyOf(layout.keySet()));
        return new String(BuildAPipelineTest.class.getResourceAsStream("designed.json").readAllBytes(), StandardCharsets.UTF_8);
    }
}
