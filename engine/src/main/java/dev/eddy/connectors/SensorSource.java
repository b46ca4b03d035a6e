package dev.eddy.connectors;

import dev.eddy.types.Row;
import java.time.Instant;

/**
 * Temperature readings from sensors in rooms, arriving out of order: each reading's event time
 * lies up to maxDelay before the moment it is emitted, and a share (lateRatio) lies further
 * back still, so that a watermark with maxDelay of out-of-orderness will call them late.
 */
public final class SensorSource extends IndexedGenerator {
    private final int sensors;
    private final int rooms;
    private final long maxDelay;
    private final double lateRatio;

    public SensorSource(int sensors, int rooms, long maxDelay, double lateRatio, long count, double rate, long start,
                        int subtask, int parallelism) {
        super(count, rate, start, subtask, parallelism);
        this.sensors = sensors;
        this.rooms = rooms;
        this.maxDelay = maxDelay;
        this.lateRatio = lateRatio;
    }

    @Override
    protected Row generate(long k) {
        int sensor = (int) (k % sensors);
        int room = sensor % rooms;
        long emitted = timeOf(k);
        long delay;
        if (Seeds.unit(seed, k, 1) < lateRatio) {
            delay = maxDelay + 1 + (long) (Seeds.unit(seed, k, 2) * Math.max(maxDelay, 1000));
        } else {
            delay = (long) (Seeds.unit(seed, k, 3) * (maxDelay + 1));
        }
        long eventTime = emitted - delay;
        double wave = 1.5 * Math.sin(2 * Math.PI * (eventTime - start) / 600_000.0);
        double temperature = 19.0 + room * 1.5 + wave + 0.4 * Seeds.gaussian(seed, k, 4);
        temperature = Math.round(temperature * 10) / 10.0;
        return Row.of("sensor-" + (sensor + 1), "room-" + (room + 1), temperature, Instant.ofEpochMilli(eventTime));
    }
}
