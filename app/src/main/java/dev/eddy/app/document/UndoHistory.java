package dev.eddy.app.document;

import dev.eddy.model.Pipeline;
import java.util.ArrayDeque;
import java.util.Deque;

/** Past and future pipeline values, each with what the edit was called, for Edit › Undo "Move 2 nodes". */
public final class UndoHistory {
    private static final int LIMIT = 500;

    public record Step(String label, Pipeline before) {}

    private final Deque<Step> past = new ArrayDeque<>();
    private final Deque<Step> future = new ArrayDeque<>();

    public void recorded(String label, Pipeline before) {
        past.push(new Step(label, before));
        if (past.size() > LIMIT) past.removeLast();
        future.clear();
    }

    /** The value to go back to, remembering the current one for redo; null when there is nothing to undo. */
    public Step undo(Pipeline current) {
        if (past.isEmpty()) return null;
        Step s = past.pop();
        future.push(new Step(s.label(), current));
        return s;
    }

    public Step redo(Pipeline current) {
        if (future.isEmpty()) return null;
        Step s = future.pop();
        past.push(new Step(s.label(), current));
        return s;
    }

    public String undoLabel() { return past.isEmpty() ? null : past.peek().label(); }

    public String redoLabel() { return future.isEmpty() ? null : future.peek().label(); }

    public void clear() {
        past.clear();
        future.clear();
    }
}
