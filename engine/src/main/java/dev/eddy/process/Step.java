package dev.eddy.process;

/** A compiled statement. */
@FunctionalInterface
interface Step {
    void run(Frame f);

    static Step block(Step[] steps) {
        if (steps.length == 1) return steps[0];
        return f -> {
            for (Step s : steps) s.run(f);
        };
    }
}
