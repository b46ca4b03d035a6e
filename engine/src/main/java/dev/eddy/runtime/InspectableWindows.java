package dev.eddy.runtime;

import dev.eddy.observe.WindowQuery;
import dev.eddy.observe.WindowSnapshot;
import java.util.List;

/** An operator that keeps windows and can show what they hold; called on its task's own thread. */
public interface InspectableWindows {
    List<WindowSnapshot> openWindows(WindowQuery query);
}
