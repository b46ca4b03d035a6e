package dev.eddy.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * One subtask of one chain: a source or a head operator, the operators chained behind it, the
 * valves that combine its input channels' watermarks, and the writers to the next tasks. A task
 * knows nothing of threads: a driver feeds it elements ({@link #accept}) or asks its source for
 * the next record ({@link #emitNext}), on one thread at a time.
 */
public final class Task {
    private final String name;
    private final int order;
    private final int subtaskIndex;
    private final int channelCount;
    private InputWatermarks watermarks;
    private final boolean[] ended;
    private int endedCount;
    private final List<StreamOperator> operators = new ArrayList<>();
    private final List<OperatorContext> contexts = new ArrayList<>();
    private final List<RecordWriter> writers = new ArrayList<>();
    private final List<String> nodeIds = new ArrayList<>();
    private SourceReader reader;
    private OperatorContext sourceContext;
    private Output sourceOutput;
    private long sourceLimit = Long.MAX_VALUE;
    private long emitted;
    private final TaskTimers timers = new TaskTimers();
    private StreamOperator head;
    private ChainedTarget headTarget;
    private boolean finished;

    /** Which node subtask sends on each channel, and into which port: for the "why is it stuck" view. */
    private String[] channelFrom = new String[0];
    private int[] channelFromSubtask = new int[0];
    private String[] channelPort = new String[0];
    private final List<dev.eddy.observe.NodeMetrics> chainMetrics = new ArrayList<>();

    /** The input port each channel feeds; two-input operators (joins) tell left from right by it. */
    private final int[] channelInput;

    Task(String name, int order, int subtaskIndex, int channelCount, int[] channelInput) {
        this.channelInput = channelInput;
        this.name = name;
        this.order = order;
        this.subtaskIndex = subtaskIndex;
        this.channelCount = channelCount;
        this.ended = new boolean[channelCount];
    }

    public String name() { return name; }

    /** Position in topological order; the deterministic driver schedules by it. */
    public int order() { return order; }

    public int subtaskIndex() { return subtaskIndex; }

    public boolean isSource() { return reader != null; }

    public TaskTimers timers() { return timers; }

    /** When this task's next processing-time timer is due, or {@link TaskTimers#NONE}. */
    public long nextTimerTime() { return finished ? TaskTimers.NONE : timers.nextTime(); }

    /** Runs the processing-time timers due at {@code now}. */
    public void fireTimers(long now) {
        if (!finished) timers.fireDue(now);
    }

    public boolean isFinished() { return finished; }

    public List<String> nodeIds() { return List.copyOf(nodeIds); }

    public long emitted() { return emitted; }

    void setSource(SourceReader reader, OperatorContext context, Output output, long limit) {
        this.reader = reader;
        this.sourceContext = context;
        this.sourceOutput = output;
        this.sourceLimit = limit;
    }

    void setHead(StreamOperator head, ChainedTarget headTarget) {
        this.head = head;
        this.headTarget = headTarget;
        this.watermarks = new InputWatermarks(channelInput, head.isTwoInput(), new InputWatermarks.Listener() {
            @Override
            public void watermark(long watermark) { head.processWatermark(watermark); }

            @Override
            public void idle(boolean idle) { head.processWatermarkStatus(idle); }
        });
    }

    void addOperator(String nodeId, StreamOperator op, OperatorContext ctx) {
        nodeIds.add(nodeId);
        operators.add(op);
        contexts.add(ctx);
    }

    void addSourceNode(String nodeId) { nodeIds.add(0, nodeId); }

    void describeChannel(int channel, String fromNode, int fromSubtask, String toPort) {
        if (channelFrom.length < channelCount) {
            channelFrom = new String[channelCount];
            channelFromSubtask = new int[channelCount];
            channelPort = new String[channelCount];
        }
        channelFrom[channel] = fromNode;
        channelFromSubtask[channel] = fromSubtask;
        channelPort[channel] = toPort;
    }

    void addChainMetrics(dev.eddy.observe.NodeMetrics m) { chainMetrics.add(m); }

    /** Where this task stands on event time; on the task's thread, between elements. */
    public dev.eddy.observe.InputWatermarkStatus watermarkStatus() {
        List<dev.eddy.observe.InputWatermarkStatus.Channel> cs = new ArrayList<>();
        for (int c = 0; c < channelCount && watermarks != null; c++) {
            cs.add(new dev.eddy.observe.InputWatermarkStatus.Channel(c < channelFrom.length ? channelFrom[c] : "?",
                    c < channelFrom.length ? channelFromSubtask[c] : 0, c < channelPort.length ? channelPort[c] : "in",
                    watermarks.channelWatermark(c), watermarks.isChannelIdle(c), watermarks.isChannelAligned(c)));
        }
        List<Long> outs = new ArrayList<>();
        for (String id : nodeIds) {
            long w = Long.MIN_VALUE;
            for (dev.eddy.observe.NodeMetrics m : chainMetrics) if (m.node.equals(id)) w = m.lastWatermark;
            outs.add(w);
        }
        return new dev.eddy.observe.InputWatermarkStatus(nodeIds, subtaskIndex,
                watermarks == null ? Long.MIN_VALUE : watermarks.combined(), watermarks != null && watermarks.isIdle(), cs, outs);
    }

    void addWriter(RecordWriter w) { writers.add(w); }

    void reverseOperators() {
        java.util.Collections.reverse(operators);
        java.util.Collections.reverse(contexts);
        java.util.Collections.reverse(nodeIds.subList(reader == null ? 0 : 1, nodeIds.size()));
    }

    /** Opens operators head-first, then the source; failures name the node. */
    public void open() {
        for (int i = 0; i < operators.size(); i++) {
            OperatorContext c = contexts.get(i);
            try {
                operators.get(i).open(c, c.output());
            } catch (JobFailedException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new JobFailedException(c.nodeId(), "node \"" + c.nodeId() + "\" could not start: " + Failures.describe(e), e);
            }
        }
        if (reader != null) {
            try {
                reader.open(sourceContext);
            } catch (JobFailedException e) {
                throw e;
            } catch (Exception e) {
                throw new JobFailedException(sourceContext.nodeId(), "source \"" + sourceContext.nodeId()
                        + "\" could not start: " + Failures.describe(e), e);
            }
        }
    }

    /**
     * This subtask's part of a checkpoint, taken between two elements: which inputs have ended,
     * what each operator holds and where the source stands. Watermarks are not in it (Flink does
     * not checkpoint them either): a restored task waits for its inputs to send them again.
     */
    public byte[] snapshot(long checkpointId) {
        eachOperator("cannot be checkpointed", op -> op.prepareSnapshotPreBarrier(checkpointId));
        dev.eddy.checkpoint.StateWriter out = new dev.eddy.checkpoint.StateWriter();
        writeProgress(out);
        for (int i = 0; i < operators.size(); i++) {
            dev.eddy.checkpoint.StateWriter op = new dev.eddy.checkpoint.StateWriter();
            String node = contexts.get(i).nodeId();
            try {
                operators.get(i).snapshotState(op);
            } catch (RuntimeException e) {
                throw new JobFailedException(node, "node \"" + node + "\" cannot be checkpointed: " + Failures.describe(e), e);
            }
            out.writeBytes(op.toByteArray());
        }
        writePosition(out);
        return out.toByteArray();
    }

    /**
     * Where this subtask stands without what its operators hold: which inputs ended and the
     * source's position. An at-most-once restart goes on from here with empty state.
     */
    public byte[] snapshotProgress() {
        dev.eddy.checkpoint.StateWriter out = new dev.eddy.checkpoint.StateWriter();
        writeProgress(out);
        writePosition(out);
        return out.toByteArray();
    }

    private void writeProgress(dev.eddy.checkpoint.StateWriter out) {
        out.writeBoolean(finished).writeLong(emitted).writeInt(channelCount);
        for (boolean e : ended) out.writeBoolean(e);
    }

    private void writePosition(dev.eddy.checkpoint.StateWriter out) {
        if (reader != null) {
            dev.eddy.checkpoint.StateWriter pos = new dev.eddy.checkpoint.StateWriter();
            String node = sourceContext.nodeId();
            try {
                reader.snapshotPosition(pos);
            } catch (RuntimeException e) {
                throw new JobFailedException(node, "source \"" + node + "\" cannot be checkpointed: " + Failures.describe(e), e);
            }
            out.writeBytes(pos.toByteArray());
        }
    }

    /** Tells every part of this task, before it opens, that it is being rebuilt from a checkpoint. */
    public void markRestoring() {
        for (OperatorContext c : contexts) c.markRestoring();
        if (sourceContext != null) sourceContext.markRestoring();
    }

    /** Takes back a {@link #snapshot} of the same subtask of the same plan; after {@link #open}. */
    public void restore(byte[] snapshot) {
        dev.eddy.checkpoint.StateReader in = new dev.eddy.checkpoint.StateReader(snapshot);
        boolean wasFinished = readProgress(in);
        eachOperator("could not be restored", op -> op.restoreState(new dev.eddy.checkpoint.StateReader(in.readBytes())));
        readPosition(in, wasFinished);
    }

    /** Takes back a {@link #snapshotProgress}: the operators start empty. */
    public void restoreProgress(byte[] progress) {
        dev.eddy.checkpoint.StateReader in = new dev.eddy.checkpoint.StateReader(progress);
        readPosition(in, readProgress(in));
    }

    private boolean readProgress(dev.eddy.checkpoint.StateReader in) {
        boolean wasFinished = in.readBoolean();
        emitted = in.readLong();
        if (in.readInt() != channelCount) throw new IllegalStateException("the checkpoint is of another plan (task " + name + ")");
        for (int c = 0; c < channelCount; c++) {
            ended[c] = in.readBoolean();
            if (ended[c]) endedCount++;
        }
        return wasFinished;
    }

    private void readPosition(dev.eddy.checkpoint.StateReader in, boolean wasFinished) {
        if (reader != null) {
            String node = sourceContext.nodeId();
            try {
                reader.restorePosition(new dev.eddy.checkpoint.StateReader(in.readBytes()));
            } catch (JobFailedException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new JobFailedException(node, "source \"" + node + "\" could not be restored: " + Failures.describe(e), e);
            }
        }
        if (wasFinished) {
            // A task that had finished stays finished, and does not say so again.
            timers.quiesce();
            finished = true;
        }
    }

    /** Checkpoint {@code checkpointId} is complete in every task: transactional sinks commit. */
    public void notifyCheckpointComplete(long checkpointId) {
        eachOperator("could not commit checkpoint " + checkpointId, op -> op.notifyCheckpointComplete(checkpointId));
    }

    /**
     * Runs {@code action} on each operator in chain order. A failure names its node ("node "x"
     * {@code doing}: why"); a job failure an operator raised itself goes on as it is.
     */
    private void eachOperator(String doing, java.util.function.Consumer<StreamOperator> action) {
        for (int i = 0; i < operators.size(); i++) {
            try {
                action.accept(operators.get(i));
            } catch (JobFailedException e) {
                throw e;
            } catch (RuntimeException e) {
                String node = contexts.get(i).nodeId();
                throw new JobFailedException(node, "node \"" + node + "\" " + doing + ": " + Failures.describe(e), e);
            }
        }
    }

    /** What the windows of one of this task's nodes hold; on the task's thread, between elements. */
    public List<dev.eddy.observe.WindowSnapshot> openWindows(dev.eddy.observe.WindowQuery query) {
        for (int i = 0; i < operators.size(); i++) {
            if (contexts.get(i).nodeId().equals(query.node()) && operators.get(i) instanceof InspectableWindows w) {
                return w.openWindows(query);
            }
        }
        throw new IllegalArgumentException("node \"" + query.node() + "\" keeps no windows");
    }

    /** What each key of one of this task's keyed process nodes holds; on the task's thread, between elements. */
    public List<dev.eddy.observe.KeyedStateSnapshot> keyedState(String node) {
        for (int i = 0; i < operators.size(); i++) {
            if (contexts.get(i).nodeId().equals(node) && operators.get(i) instanceof InspectableState s) return s.keyedState();
        }
        throw new IllegalArgumentException("node \"" + node + "\" keeps no keyed state to show");
    }

    /** The processing time at which this source's next record is due, or {@link SourceReader#NOW}. */
    public long nextDueTime() { return reader.nextDueTime(); }

    public boolean isLive() { return reader != null && reader.isLive(); }

    /** Lets the source emit at most one record; at its end, sends the final watermark and finishes. */
    public SourceReader.Poll emitNext() {
        if (finished) return SourceReader.Poll.END;
        SourceReader.Poll p;
        if (emitted >= sourceLimit) {
            p = SourceReader.Poll.END;
        } else {
            try {
                p = reader.poll(sourceOutput);
            } catch (JobFailedException e) {
                throw e;
            } catch (Exception | StackOverflowError e) {
                throw new JobFailedException(sourceContext.nodeId(), "source \"" + sourceContext.nodeId()
                        + "\" failed: " + Failures.describe(e), e);
            }
        }
        if (p == SourceReader.Poll.EMITTED) emitted++;
        if (p == SourceReader.Poll.END) {
            // SourceOperatorStreamTask#advanceToEndOfEventTime: bounded input ends with MAX_WATERMARK.
            sourceOutput.emitWatermark(Time.MAX_WATERMARK);
            finish();
        }
        return p;
    }

    /** Emits a record typed in by hand from this source task; false once the source has finished. */
    public boolean inject(dev.eddy.types.Row row, long timestamp) {
        if (reader == null || finished) return false;
        try {
            reader.inject(row, timestamp, sourceOutput);
        } catch (JobFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JobFailedException(sourceContext.nodeId(), "source \"" + sourceContext.nodeId()
                    + "\" failed on an injected record: " + Failures.describe(e), e);
        }
        return true;
    }

    /** Receives a task's part of a checkpoint once its barriers are aligned (or, for a source, at the trigger). */
    public interface Acknowledger {
        void acknowledge(Task task, long checkpointId, byte[] state, List<BarrierAligner.ChannelElement> inFlight);
    }

    private BarrierAligner aligner;
    private Acknowledger acknowledger;

    /**
     * Takes part in checkpoints by barriers (the parallel driver): a source snapshots when
     * triggered and sends the barrier on; any other task when the barriers of all its inputs have
     * come, in the given mode.
     */
    public void takeBarriers(BarrierAligner.Mode mode, Acknowledger ack) {
        this.acknowledger = ack;
        if (reader != null) return;
        this.aligner = new BarrierAligner(mode, ended, new BarrierAligner.Actions() {
            @Override
            public byte[] snapshot(long checkpointId) { return Task.this.snapshot(checkpointId); }

            @Override
            public void forwardBarrier(long checkpointId) { Task.this.forwardBarrier(checkpointId); }

            @Override
            public void acknowledge(long checkpointId, byte[] state, List<BarrierAligner.ChannelElement> inFlight, int held) {
                OperatorContext c = contexts.get(0);
                c.environment().observations().publish(new dev.eddy.observe.Observation.BarriersAligned(c.currentProcessingTime(),
                        nodeIds.get(0), subtaskIndex, checkpointId, mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        held, inFlight.size()));
                acknowledger.acknowledge(Task.this, checkpointId, state, inFlight);
            }

            @Override
            public void process(int channel, StreamElement e) { Task.this.process(channel, e); }
        });
    }

    /** A source's checkpoint: between two records, snapshot, barrier to every receiver, acknowledge. */
    public void triggerCheckpoint(long checkpointId) {
        byte[] state = snapshot(checkpointId);
        forwardBarrier(checkpointId);
        acknowledger.acknowledge(this, checkpointId, state, List.of());
    }

    private void forwardBarrier(long checkpointId) {
        for (RecordWriter w : writers) w.emitBarrier(checkpointId);
        flush();
    }

    /** An element arrived on one of this task's input channels. */
    public void accept(int channel, StreamElement element) {
        if (aligner != null && aligner.intercept(channel, element)) return;
        process(channel, element);
    }

    private void process(int channel, StreamElement element) {
        if (element instanceof StreamElement.Record r) {
            headTarget.collect(channelInput[channel], r.row(), r.timestamp());
        } else if (element instanceof StreamElement.Watermark w) {
            watermarks.watermark(channel, w.timestamp());
        } else if (element instanceof StreamElement.WatermarkStatus s) {
            watermarks.status(channel, s == StreamElement.WatermarkStatus.IDLE);
        } else if (element instanceof StreamElement.EndOfInput) {
            if (!ended[channel]) {
                ended[channel] = true;
                endedCount++;
                if (aligner != null) aligner.channelEnded(channel);
                if (endedCount == channelCount) finish();
            }
        } else {
            // A barrier without checkpoints by barriers (the deterministic driver takes none): nothing to align.
        }
    }

    private void finish() {
        timers.quiesce();
        for (StreamOperator op : operators) op.endInput();
        for (RecordWriter w : writers) w.endOfInput();
        flush();
        finished = true;
        if (sourceContext != null) {
            sourceContext.environment().observations().publish(new dev.eddy.observe.Observation.SubtaskFinished(
                    sourceContext.currentProcessingTime(), sourceContext.nodeId(), subtaskIndex));
        }
        for (OperatorContext c : contexts) {
            c.environment().observations().publish(new dev.eddy.observe.Observation.SubtaskFinished(
                    c.currentProcessingTime(), c.nodeId(), subtaskIndex));
        }
    }

    public void flush() {
        for (RecordWriter w : writers) w.flush();
    }

    /** Releases files and sockets; called once whether the task finished, failed or was canceled. */
    public void close() {
        for (StreamOperator op : operators) {
            try {
                op.close();
            } catch (RuntimeException ignored) {
                // Closing must reach every operator; the first failure was already reported.
            }
        }
        if (reader != null) {
            try {
                reader.close();
            } catch (Exception ignored) {
                // As above: a source that cannot close cleanly must not hide the job's outcome.
            }
        }
    }

    @Override
    public String toString() { return name; }
}
