package dev.eddy.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.InputWatermarkStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Why is the watermark stuck?" in words: for one node, per subtask, which input channel holds its
 * watermark back (the lowest active one, as Flink's StatusWatermarkValve takes the minimum), which
 * channels do not count (idle, or not yet caught up), and what would release it: a higher
 * watermark from the holding channel, or an idleness timeout on the strategy that feeds it.
 */
public final class WatermarkDiagnosis {
    private WatermarkDiagnosis() {}

    /** One subtask's answer: its watermark now, and the reasons, one sentence each. */
    public record Answer(int subtask, long watermark, String holder, List<String> reasons) {}

    public static List<Answer> explain(Pipeline pipeline, String node, List<InputWatermarkStatus> statuses) {
        List<Answer> answers = new ArrayList<>();
        for (InputWatermarkStatus s : statuses) answers.add(explainOne(pipeline, node, s));
        answers.sort(Comparator.comparingInt(Answer::subtask));
        return answers;
    }

    private static Answer explainOne(Pipeline p, String node, InputWatermarkStatus s) {
        int at = Math.max(0, s.nodes().indexOf(node));
        long own = s.outputWatermarks().get(at);
        List<String> why = new ArrayList<>();
        String holder = null;
        if (own == Long.MAX_VALUE) {
            why.add("nothing holds it back: its input has ended, so the final watermark (the end of input) has passed"
                    + " and every event-time timer and window of it has fired");
            return new Answer(s.subtask(), own, null, why);
        }
        if (s.channels().isEmpty()) {
            Optional<Node> generator = s.nodes().subList(0, at + 1).stream().map(id -> p.node(id).orElse(null))
                    .filter(n -> n != null && isGenerator(n)).reduce((a, b) -> b);
            if (generator.isPresent()) {
                Node g = generator.get();
                holder = g.id();
                why.add("its watermark comes from the strategy of \"" + g.id() + "\"" + bound(g)
                        + ": it rises only when a record with a larger timestamp arrives");
                why.add(idlenessAdvice(g));
            } else {
                why.add("no watermark strategy runs before it in its chain: the source sends no watermark until its"
                        + " input ends (then the final one); add a watermarks node or a strategy on the source");
            }
            return new Answer(s.subtask(), own, holder, why);
        }
        if (s.idle()) {
            why.add("every input channel is idle, so nothing holds it back and nothing moves it either: it waits for a"
                    + " channel to become active again");
        }
        InputWatermarkStatus.Channel lowest = null;
        for (InputWatermarkStatus.Channel c : s.channels()) {
            if (c.idle()) {
                why.add(channel(c) + " is idle and does not count");
            } else if (!c.aligned()) {
                why.add(channel(c) + " came back from idle at " + time(c.watermark()) + "; it counts again once it reaches "
                        + time(s.inputWatermark()));
            } else if (lowest == null || c.watermark() < lowest.watermark()) {
                lowest = c;
            }
        }
        if (lowest != null) {
            holder = lowest.fromNode();
            if (lowest.watermark() == Long.MIN_VALUE) {
                why.add(0, "held back by " + channel(lowest) + ", which has sent no watermark yet: the input watermark is the"
                        + " minimum over every active channel, so it waits for each one");
            } else {
                why.add(0, "held back by " + channel(lowest) + " at " + time(lowest.watermark())
                        + ", the lowest of its active channels; it advances when that channel's watermark does");
            }
            List<Node> upstream = generatorsUpstreamOf(p, lowest.fromNode());
            if (upstream.size() == 1) {
                Node g = upstream.get(0);
                why.add("that channel's watermarks come from \"" + g.id() + "\"" + bound(g) + "; " + idlenessAdvice(g));
            } else if (upstream.size() > 1) {
                String meet = askNext(p, lowest.fromNode());
                why.add("that channel's watermark is the lowest of those from " + String.join(" and ",
                        upstream.stream().map(g -> "\"" + g.id() + "\"").toList()) + ", which meet in \"" + (meet == null ? lowest.fromNode() : meet)
                        + "\": ask it which one holds it back");
            }
        }
        return new Answer(s.subtask(), own, holder, why);
    }

    private static String channel(InputWatermarkStatus.Channel c) {
        return "the channel from \"" + c.fromNode() + "\" subtask " + c.fromSubtask() + ("in".equals(c.toPort()) ? "" : " (port " + c.toPort() + ")");
    }

    public static boolean isGenerator(Node n) {
        return "watermarks".equals(n.type()) || n.paramsView().hasNonNull("watermarks");
    }

    private static String bound(Node g) {
        JsonNode b = g.paramsView().get("maxOutOfOrderness");
        return b == null || b.isNull() ? "" : " (largest timestamp so far minus " + b.asText() + ")";
    }

    private static String idlenessAdvice(Node g) {
        JsonNode idle = g.paramsView().get("idleness");
        if (idle == null || idle.isNull()) {
            return "with no idleness timeout, a subtask of it that receives no records keeps its watermark where it is and"
                    + " holds back every operator downstream; set idleness on \"" + g.id() + "\" to release it";
        }
        return "after " + idle.asText() + " without records its subtask is marked idle and stops holding others back";
    }

    /** The nearest watermark strategy on every path at or above the node, following edges backwards, in the order found. */
    private static List<Node> generatorsUpstreamOf(Pipeline p, String from) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        List<Node> found = new ArrayList<>();
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (!seen.add(id)) continue;
            Optional<Node> n = p.node(id);
            if (n.isPresent() && isGenerator(n.get())) {
                found.add(n.get());
                continue;
            }
            for (Edge e : p.edges()) if (e.to().equals(id)) todo.add(e.from());
        }
        return found;
    }

    /**
     * The node to ask next when {@code holder} holds a watermark back without making it: the nearest
     * at or above it where several inputs meet (a union, a join), whose own lowest input is the real
     * holder; null when a strategy or a source comes first.
     */
    public static String askNext(Pipeline p, String holder) {
        String at = holder;
        // Up through single-input nodes (a map after a union) to where the inputs meet, or to a strategy.
        for (int hops = 0; at != null && hops <= p.nodes().size(); hops++) {
            Optional<Node> n = p.node(at);
            if (n.isEmpty() || isGenerator(n.get())) return null;
            String here = at;
            List<Edge> in = p.edges().stream().filter(e -> e.to().equals(here)).toList();
            if (in.size() > 1) return at;
            at = in.isEmpty() ? null : in.get(0).from();
        }
        return null;
    }

    /** A watermark as the views show it: "none yet", the end of input, or milliseconds of event time. */
    public static String time(long watermark) {
        if (watermark == Long.MIN_VALUE) return "none yet";
        if (watermark == Long.MAX_VALUE) return "the end of input";
        return watermark + " ms";
    }
}
