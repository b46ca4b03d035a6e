package dev.eddy.runtime.driver;

/**
 * Maps virtual processing time to wall-clock time: at speed 1 a second of virtual time takes a
 * second, at 0.1 ten seconds, and at {@link #AS_FAST_AS_POSSIBLE} no time at all. Pausing holds
 * the run at the next step; changing speed while running keeps the current position.
 */
public final class Pacer {
    public static final double AS_FAST_AS_POSSIBLE = Double.POSITIVE_INFINITY;

    private volatile double speed;
    private volatile boolean paused;
    private long anchorVirtual = Long.MIN_VALUE;
    private long anchorWallNanos;

    public Pacer(double speed) { this.speed = speed; }

    public static Pacer fastest() { return new Pacer(AS_FAST_AS_POSSIBLE); }

    public double speed() { return speed; }

    public synchronized void setSpeed(double speed) {
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be above 0, got " + speed);
        this.speed = speed;
        anchorVirtual = Long.MIN_VALUE;
        notifyAll();
    }

    public boolean isPaused() { return paused; }

    public synchronized void pause() { paused = true; }

    public synchronized void resume() {
        paused = false;
        anchorVirtual = Long.MIN_VALUE;
        notifyAll();
    }

    /** Blocks while paused; returns false if interrupted. */
    public boolean awaitRunning() {
        if (!paused) return true;
        return awaitResume();
    }

    private synchronized boolean awaitResume() {
        while (paused) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Waits until the wall clock has caught up with the given virtual time at the current speed. */
    public void awaitVirtualTime(long virtualMillis) throws InterruptedException {
        if (Double.isInfinite(speed)) return;
        long sleepNanos;
        synchronized (this) {
            if (Double.isInfinite(speed)) return;
            long nowNanos = System.nanoTime();
            if (anchorVirtual == Long.MIN_VALUE || virtualMillis < anchorVirtual) {
                anchorVirtual = virtualMillis;
                anchorWallNanos = nowNanos;
                return;
            }
            long dueNanos = anchorWallNanos + (long) ((virtualMillis - anchorVirtual) * 1_000_000.0 / speed);
            sleepNanos = dueNanos - nowNanos;
        }
        if (sleepNanos > 0) java.util.concurrent.TimeUnit.NANOSECONDS.sleep(sleepNanos);
    }
}
