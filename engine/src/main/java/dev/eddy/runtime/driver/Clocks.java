package dev.eddy.runtime.driver;

/** Where processing time starts: a fixed instant, so that repeated runs see the same clock. */
public final class Clocks {
    /** 2024-01-01T00:00:00Z, also where generators' event time starts by default. */
    public static final long DEFAULT_START = 1_704_067_200_000L;

    private Clocks() {}
}
