package dev.eddy.runtime.driver;

import dev.eddy.observe.InputWatermarkStatus;
import dev.eddy.observe.JobState;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.WindowQuery;
import dev.eddy.observe.WindowSnapshot;
import dev.eddy.types.Row;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A deterministic run driven by hand, as the designer's run controls drive it: play, pause, one
 * step at a time, any speed, a record typed in, cancel. The run has a thread of its own; every
 * command is a request that thread takes up between two steps (or in the middle of a wait), so
 * the engine never races its caller and the caller never blocks. What happens is reported on the
 * job's observation bus: state changes, the counters after every step and a few times a second.
 */
public final class RunControl {
    /** How often, in wall time, the counters are published while the run plays. */
    private static final long METRICS_EVERY_NANOS = 100_000_000L;
    /**
     * And at least once per second of the run's own clock, so that throughput over processing time
     * has points at any speed, even when a whole run takes less wall time than one report interval.
     */
    private static final long METRICS_EVERY_VIRTUAL_MILLIS = 1_000L;

    private final DeterministicDriver driver;
    private final Pacer pacer;
    private final ObservationBus bus;
    private final Thread thread;
    private final CompletableFuture<JobResult> finished = new CompletableFuture<>();
    private volatile boolean playing;
    private volatile boolean canceled;
    private volatile JobState state = JobState.CREATED;
    private volatile long steps;
    private volatile long virtualTime;
    private double speed;
    /** Single steps asked for and not yet taken. */
    private int stepsWanted;
    /** Whether the thread is inside a step (possibly held there by a pause). */
    private boolean inStep;

    public RunControl(DeterministicDriver driver, ObservationBus bus, String name) {
        this.driver = driver;
        this.pacer = driver.pacer();
        this.bus = bus;
        this.speed = pacer.speed();
        this.thread = new Thread(this::loop, "eddy-run " + name);
        this.thread.setDaemon(true);
    }

    /** Opens the job and holds it before its first record; {@code play} starts it. */
    public synchronized RunControl start() {
        pacer.pause();
        thread.start();
        return this;
    }

    public synchronized void play() {
        if (isOver()) return;
        playing = true;
        pacer.setSpeed(speed);
        pacer.resume();
        publish(JobState.RUNNING);
    }

    public synchronized void pause() {
        if (isOver() || !playing) return;
        playing = false;
        pacer.pause();
        publish(JobState.PAUSED);
    }

    /**
     * One record from one source (or one processing-time timer) and everything it causes. When a
     * pause held the run in the middle of a step (waiting for the record's time), that step is the one taken.
     */
    public synchronized void step() {
        if (isOver()) return;
        if (playing) pause();
        if (!inStep) stepsWanted++;
        pacer.setSpeed(Pacer.AS_FAST_AS_POSSIBLE);
        pacer.resume();
        notifyThread();
    }

    /** Processing time per wall-clock time: 1 is real time, {@link Pacer#AS_FAST_AS_POSSIBLE} no waiting. */
    public synchronized void setSpeed(double newSpeed) {
        if (!(newSpeed > 0)) throw new IllegalArgumentException("speed must be above 0, got " + newSpeed);
        speed = newSpeed;
        if (playing) pacer.setSpeed(newSpeed);
    }

    public synchronized double speed() { return speed; }

    /** Stops the run at the next safe point; it ends as CANCELED. */
    public void cancel() {
        canceled = true;
        driver.cancel();
        notifyThread();
    }

    /**
     * Fails the run as a crash would (the designer's "fail now"): at once while it plays, with the
     * next step while it is paused; the run's restart strategy and guarantee decide what follows.
     */
    public void failNow() {
        if (isOver()) return;
        driver.failNow("a task failed on purpose (fail now)");
        synchronized (this) {
            if (playing) return;
            // Paused: one step to fail in, also when a step is under way (step() would fold a click into that one).
            stepsWanted++;
            pacer.setSpeed(Pacer.AS_FAST_AS_POSSIBLE);
            pacer.resume();
            notifyThread();
        }
    }

    /** A record typed in by hand, emitted from a source at once; completes with whether the source took it. */
    public CompletableFuture<Boolean> inject(String sourceNode, Row row, long timestamp) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (isOver()) {
            done.complete(false);
            return done;
        }
        driver.post(() -> {
            try {
                done.complete(driver.inject(sourceNode, row, timestamp));
                driver.publishMetrics();
                virtualTime = driver.currentTime();
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    public CompletableFuture<List<WindowSnapshot>> openWindows(WindowQuery query) { return driver.openWindows(query); }

    public CompletableFuture<List<InputWatermarkStatus>> watermarkStatus(String node) { return driver.watermarkStatus(node); }

    public CompletableFuture<List<dev.eddy.observe.KeyedStateSnapshot>> keyedState(String node) { return driver.keyedState(node); }

    public JobState state() { return state; }

    public boolean isOver() { return finished.isDone() || canceled; }

    /** Steps taken so far: records emitted and timers fired. */
    public long steps() { return steps; }

    /** The run's virtual processing time after the last step. */
    public long virtualTime() { return virtualTime; }

    public CompletableFuture<JobResult> finished() { return finished; }

    private void loop() {
        JobResult result = null;
        try {
            driver.start();
            virtualTime = driver.currentTime();
            driver.publishMetrics();
            synchronized (this) {
                if (!playing) publish(JobState.PAUSED);
            }
            long lastMetrics = System.nanoTime();
            long lastMetricsVirtual = virtualTime;
            boolean more = !driver.isDone();
            while (more && !canceled) {
                boolean take;
                synchronized (this) {
                    take = playing || stepsWanted > 0;
                    if (take) {
                        if (stepsWanted > 0) stepsWanted--;
                        inStep = true;
                    }
                }
                if (!take) {
                    driver.serveCommands(50);
                    continue;
                }
                more = driver.step();
                steps++;
                virtualTime = driver.currentTime();
                boolean single;
                synchronized (this) {
                    inStep = false;
                    single = !playing;
                    if (single && stepsWanted == 0) {
                        // Back to the pause the step interrupted, at the speed the user chose.
                        pacer.pause();
                        pacer.setSpeed(speed);
                    }
                }
                long nowNanos = System.nanoTime();
                if (single || nowNanos - lastMetrics >= METRICS_EVERY_NANOS || virtualTime - lastMetricsVirtual >= METRICS_EVERY_VIRTUAL_MILLIS) {
                    driver.publishMetrics();
                    lastMetrics = nowNanos;
                    lastMetricsVirtual = virtualTime;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            driver.cancel();
        } catch (RuntimeException e) {
            finished.completeExceptionally(e);
            return;
        } finally {
            playing = false;
        }
        result = driver.finish();
        virtualTime = driver.currentTime();
        state = result.state();
        finished.complete(result);
    }

    private void publish(JobState s) {
        state = s;
        bus.publish(new Observation.JobStateChanged(driver.currentTime(), s, null));
    }

    private void notifyThread() {
        synchronized (pacer) {
            pacer.notifyAll();
        }
    }
}
