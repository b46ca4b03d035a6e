package dev.eddy.flink.runtime;

import dev.eddy.types.Row;
import dev.eddy.types.RowDigest;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A discard sink on Flink: drops records but counts and digests them (as Eddy's discard sink
 * does) into the accumulators "records:ID" and "digest:ID" of the job's result, so a benchmark
 * checks both engines produced the same output without keeping it.
 */
public final class DigestSink extends AbstractStreamOperator<Row> implements OneInputStreamOperator<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final String sink;
    private transient LongCounter records;
    private transient LongCounter digest;

    public DigestSink(String sink) { this.sink = sink; }

    @Override
    public void open() throws Exception {
        super.open();
        records = new LongCounter();
        digest = new LongCounter();
        getRuntimeContext().addAccumulator("records:" + sink, records);
        getRuntimeContext().addAccumulator("digest:" + sink, digest);
    }

    @Override
    public void processElement(StreamRecord<Row> element) {
        records.add(1);
        digest.add(RowDigest.of(element.getValue(), element.hasTimestamp() ? element.getTimestamp() : Long.MIN_VALUE));
    }
}
