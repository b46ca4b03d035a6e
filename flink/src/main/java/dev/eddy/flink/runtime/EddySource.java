package dev.eddy.flink.runtime;

import dev.eddy.types.Row;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * An Eddy source node (rows, a scripted timeline, a file, a generator, a socket) as a Flink source.
 * The data are Eddy's, so both engines read the same input: each Flink subtask gets the split of
 * its own index and runs Eddy's reader for that subtask, with the timestamps and watermarks the
 * reader gives. Unbounded generators stay unbounded.
 */
public final class EddySource implements Source<Row, EddySource.Split, Integer>, ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;

    public EddySource(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    /** The part of the source that subtask {@code index} of {@code parallelism} reads. */
    public record Split(int index, int parallelism) implements SourceSplit {
        @Override
        public String splitId() { return Integer.toString(index); }
    }

    @Override
    public Boundedness getBoundedness() {
        return pipeline.binding(node).unbounded() ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Row, Split> createReader(SourceReaderContext context) {
        return new EddySourceReader(pipeline, node);
    }

    @Override
    public SplitEnumerator<Split, Integer> createEnumerator(SplitEnumeratorContext<Split> context) {
        return new Enumerator(context);
    }

    @Override
    public SplitEnumerator<Split, Integer> restoreEnumerator(SplitEnumeratorContext<Split> context, Integer state) {
        return new Enumerator(context);
    }

    @Override
    public SimpleVersionedSerializer<Split> getSplitSerializer() { return new SplitSerializer(); }

    @Override
    public SimpleVersionedSerializer<Integer> getEnumeratorCheckpointSerializer() { return new CountSerializer(); }

    @Override
    public TypeInformation<Row> getProducedType() { return EddyTypes.ROW; }

    /** Gives each reader the split of its own subtask index, and nothing more. */
    private static final class Enumerator implements SplitEnumerator<Split, Integer> {
        private final SplitEnumeratorContext<Split> context;

        Enumerator(SplitEnumeratorContext<Split> context) { this.context = context; }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtask, String host) {}

        @Override
        public void addSplitsBack(List<Split> splits, int subtask) {
            for (Split s : splits) context.assignSplit(s, subtask);
        }

        @Override
        public void addReader(int subtask) {
            context.assignSplit(new Split(subtask, context.currentParallelism()), subtask);
            context.signalNoMoreSplits(subtask);
        }

        @Override
        public Integer snapshotState(long checkpointId) { return context.currentParallelism(); }

        @Override
        public void close() {}
    }

    private static final class SplitSerializer implements SimpleVersionedSerializer<Split> {
        @Override
        public int getVersion() { return 1; }

        @Override
        public byte[] serialize(Split split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(split.index());
                out.writeInt(split.parallelism());
            }
            return bytes.toByteArray();
        }

        @Override
        public Split deserialize(int version, byte[] data) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                return new Split(in.readInt(), in.readInt());
            }
        }
    }

    private static final class CountSerializer implements SimpleVersionedSerializer<Integer> {
        @Override
        public int getVersion() { return 1; }

        @Override
        public byte[] serialize(Integer n) { return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) (int) n}; }

        @Override
        public Integer deserialize(int version, byte[] b) {
            return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        }
    }
}
