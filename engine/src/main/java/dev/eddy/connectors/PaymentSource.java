package dev.eddy.connectors;

import dev.eddy.types.Row;
import java.time.Instant;

/**
 * Payments as the Flink playground's PyFlink walkthrough generates them: an increasing order id,
 * an amount in [0, 100000), platform 0 nine times in ten and otherwise 1, and a province id from
 * 0 to 6 (Beijing, Shanghai, Hangzhou, Shenzhen, Jiangxi, Chongqing, Xizang).
 */
public final class PaymentSource extends IndexedGenerator {
    public PaymentSource(long count, double rate, long start, int subtask, int parallelism) {
        super(count, rate, start, subtask, parallelism);
    }

    @Override
    protected Row generate(long k) {
        long createTime = timeOf(k);
        double amount = Math.floor(Seeds.unit(seed, k, 1) * 100_000 * 100) / 100.0;
        long platform = Seeds.unit(seed, k, 2) < 0.9 ? 0L : 1L;
        long province = (long) (Seeds.unit(seed, k, 3) * 7);
        return Row.of(Instant.ofEpochMilli(createTime), start / 1000 + k, amount, platform, province);
    }
}
