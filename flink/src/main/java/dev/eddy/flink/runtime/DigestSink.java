package dev.eddy.flink.runtime;

import dev.eddy.types.Row;
import dev.eddy.types.RowDigest;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A discard sink on Flink: drops records but counts and digests them (as Eddy's discard sink
 * does) into the accumulators "records:ID" and "digest:ID" of the job's result, so a benchmark
 * checks both engines produced the same output without keeping it. "firstNanos:ID" is the
 * {@code System.nanoTime()} of the first record, for the time to first result; it can only be
 * compared with another reading in the JVM that ran the job (a benchmark's in-process cluster).
 */
public final class DigestSink extends AbstractStreamOperator<Row> implements OneInputStreamOperator<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final String sink;
    private transient LongCounter records;
    private transient LongCounter digest;
    private transient LongMinimum firstNanos;
    private transient boolean seenOne;

    public DigestSink(String sink) { this.sink = sink; }

    @Override
    public void open() throws Exception {
        super.open();
        records = new LongCounter();
        digest = new LongCounter();
        getRuntimeContext().addAccumulator("records:" + sink, records);
        getRuntimeContext().addAccumulator("digest:" + sink, digest);
        firstNanos = new LongMinimum();
        getRuntimeContext().addAccumulator("firstNanos:" + sink, firstNanos);
    }

    @Override
    public void processElement(StreamRecord<Row> element) {
        if (!seenOne) {
            seenOne = true;
            firstNanos.add(System.nanoTime());
        }
        records.add(1);
        digest.add(RowDigest.of(element.getValue(), element.hasTimestamp() ? element.getTimestamp() : Long.MIN_VALUE));
    }
}
