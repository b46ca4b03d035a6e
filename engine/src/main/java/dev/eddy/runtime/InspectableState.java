package dev.eddy.runtime;

import dev.eddy.observe.KeyedStateSnapshot;
import java.util.List;

/** An operator that keeps keyed state and can show what each key holds; called on its task's own thread. */
public interface InspectableState {
    List<KeyedStateSnapshot> keyedState();
}
