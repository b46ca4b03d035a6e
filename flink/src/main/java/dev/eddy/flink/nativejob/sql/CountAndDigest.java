package dev.eddy.flink.nativejob.sql;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * What the pipeline's discard sink does before it drops a record: count it, and add it to an
 * order-independent digest of the output (a mixed hash of its fields and timestamp), into the
 * job's accumulators "records:SINK" and "digest:SINK". Two runs with equal digests emitted the
 * same records, on any engine; benchmarks compare them instead of keeping the output. Written
 * by Eddy into the exported job.
 */
public final class CountAndDigest<T> extends ProcessFunction<T, Void> {
    private static final long serialVersionUID = 1L;

    /** A record's field values in the schema's order. */
    public interface Fields<T> extends Serializable {
        Object[] of(T record);
    }

    private final String sink;
    private final Fields<T> fields;
    private transient LongCounter records;
    private transient LongCounter digest;

    public CountAndDigest(String sink, Fields<T> fields) {
        this.sink = sink;
        this.fields = fields;
    }

    @Override
    public void open(OpenContext context) {
        records = new LongCounter();
        digest = new LongCounter();
        getRuntimeContext().addAccumulator("records:" + sink, records);
        getRuntimeContext().addAccumulator("digest:" + sink, digest);
    }

    @Override
    public void processElement(T record, Context context, Collector<Void> out) {
        records.add(1);
        Long timestamp = context.timestamp();
        long h = Arrays.hashCode(fields.of(record)) * 0x9E3779B97F4A7C15L + (timestamp == null ? Long.MIN_VALUE : timestamp);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        digest.add(h ^ (h >>> 33));
    }
}
