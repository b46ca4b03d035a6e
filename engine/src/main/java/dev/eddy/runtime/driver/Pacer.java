package dev.eddy.runtime.driver;

/**
 * Maps processing time to the wall clock: at speed 1 a second of processing time takes a
 * second, at 0.1 ten seconds, and at {@link #AS_FAST_AS_POSSIBLE} no time at all. Pausing holds a
 * run at its next step; changing speed keeps the current position. Waits happen on this object's
 * monitor, so pause, speed changes and cancel take effect at once, not after a sleep.
 *
 * <p>It also keeps the parallel driver's processing-time clock, which must never go backwards:
 * scaled wall time, re-anchored whenever speed changes, frozen while paused.
 */
public final class Pacer {
    public static final double AS_FAST_AS_POSSIBLE = Double.POSITIVE_INFINITY;
    private static final long UNSET = Long.MIN_VALUE;

    private volatile double speed;
    private volatile boolean paused;
    private volatile boolean canceled;
    private long anchorVirtual = UNSET;
    private long anchorWallNanos;
    private long clockVirtual = UNSET;
    private long clockWallNanos;

    public Pacer(double speed) { this.speed = speed; }

    public static Pacer fastest() { return new Pacer(AS_FAST_AS_POSSIBLE); }

    public double speed() { return speed; }

    public synchronized void setSpeed(double newSpeed) {
        if (!(newSpeed > 0)) throw new IllegalArgumentException("speed must be above 0, got " + newSpeed);
        reanchorClock();
        speed = newSpeed;
        anchorVirtual = UNSET;
        notifyAll();
    }

    public boolean isPaused() { return paused; }

    public synchronized void pause() {
        reanchorClock();
        paused = true;
    }

    public synchronized void resume() {
        if (paused) clockWallNanos = System.nanoTime();
        paused = false;
        anchorVirtual = UNSET;
        notifyAll();
    }

    /** Ends every wait at once; the run then stops. */
    public synchronized void cancel() {
        canceled = true;
        paused = false;
        notifyAll();
    }

    /** Blocks while paused, serving the mailbox meanwhile; false once canceled or interrupted. */
    boolean awaitRunning(Mailbox mail) {
        if (!paused && mail.isEmpty()) return !canceled;
        while (true) {
            mail.runAll();
            synchronized (this) {
                if (!paused || canceled) return !canceled;
                if (!mail.isEmpty()) continue;
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /**
     * Waits until the wall clock has caught up with the given processing time at the current
     * speed, serving the mailbox meanwhile. Commands run outside this monitor, so that what they
     * complete never runs while holding the pacer.
     */
    void awaitVirtualTime(long virtualMillis, Mailbox mail) throws InterruptedException {
        if (Double.isInfinite(speed) && !paused && mail.isEmpty()) return;
        while (true) {
            mail.runAll();
            synchronized (this) {
                if (canceled) return;
                if (!mail.isEmpty()) continue;
                if (paused) {
                    wait();
                    continue;
                }
                if (Double.isInfinite(speed)) return;
                long now = System.nanoTime();
                if (anchorVirtual == UNSET || virtualMillis < anchorVirtual) {
                    anchorVirtual = virtualMillis;
                    anchorWallNanos = now;
                    return;
                }
                long due = anchorWallNanos + (long) ((virtualMillis - anchorVirtual) * 1_000_000.0 / speed);
                long remaining = due - now;
                if (remaining <= 0) return;
                wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
            }
        }
    }

    /** Starts the processing-time clock at the given time. */
    public synchronized void startClock(long startMillis) {
        clockVirtual = startMillis;
        clockWallNanos = System.nanoTime();
    }

    /** The processing-time clock: scaled wall time since start, monotonic across speed changes and pauses. */
    public synchronized long clock() {
        if (paused) return clockVirtual;
        double s = Double.isInfinite(speed) ? 1.0 : speed;
        return clockVirtual + (long) ((System.nanoTime() - clockWallNanos) / 1_000_000.0 * s);
    }

    private void reanchorClock() {
        if (clockVirtual == UNSET) return;
        clockVirtual = clock();
        clockWallNanos = System.nanoTime();
    }
}
