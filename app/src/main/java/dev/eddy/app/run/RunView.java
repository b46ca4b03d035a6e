package dev.eddy.app.run;

import dev.eddy.observe.Observation;

/**
 * A view of the live run. It takes in what the engine reported, one observation at a time, and
 * draws once per frame; scrubbing resets it and replays the recorded run up to the chosen instant.
 */
interface RunView {
    void reset();

    void accept(Observation o);

    /** Pushes what changed since the last frame to the screen. */
    void frame();

    /** How many points its charts hold, for the capture's report. */
    default java.util.Map<String, Integer> seriesSizes() { return java.util.Map.of(); }
}
