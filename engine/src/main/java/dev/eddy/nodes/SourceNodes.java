package dev.eddy.nodes;

import static dev.eddy.catalog.ParamKind.BOOLEAN;
import static dev.eddy.catalog.ParamKind.DURATION;
import static dev.eddy.catalog.ParamKind.INSTANT;
import static dev.eddy.catalog.ParamKind.INTEGER;
import static dev.eddy.catalog.ParamKind.NUMBER;
import static dev.eddy.catalog.ParamKind.PATH;
import static dev.eddy.catalog.ParamKind.ROWS;
import static dev.eddy.catalog.ParamKind.SCHEMA;
import static dev.eddy.catalog.ParamKind.STRING;
import static dev.eddy.catalog.ParamSpec.choice;
import static dev.eddy.catalog.ParamSpec.optional;
import static dev.eddy.catalog.ParamSpec.required;
import static dev.eddy.nodes.NodeTypeBuilder.type;

import dev.eddy.catalog.Binding;
import dev.eddy.catalog.Category;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.catalog.Params;
import dev.eddy.catalog.PortSpec;
import dev.eddy.connectors.ClickSource;
import dev.eddy.connectors.FileSource;
import dev.eddy.connectors.PaymentSource;
import dev.eddy.connectors.RowsSource;
import dev.eddy.connectors.SensorSource;
import dev.eddy.connectors.SentenceSource;
import dev.eddy.connectors.SequenceSource;
import dev.eddy.connectors.SocketSource;
import dev.eddy.types.DataType;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.util.List;

/** Where records come from: inline rows, files, generators, a socket. */
final class SourceNodes {
    /** 2024-01-01T00:00:00Z: where generated event time and the virtual clock start by default. */
    static final String DEFAULT_START = "2024-01-01T00:00:00Z";

    private static final String BOUNDED = "A bounded source ends, and its end sends the final watermark (Long.MAX_VALUE)"
            + " that fires every pending event-time window, as in Flink.";

    private SourceNodes() {}

    private static ParamSpec rate(Object dflt) {
        return optional("rate", NUMBER, dflt, "records per second of processing time; unset means as fast as the run goes").atLeast(0);
    }

    private static ParamSpec count() {
        return optional("count", INTEGER, "how many records in all; unset means unbounded (runs until stopped)").atLeast(0);
    }

    private static ParamSpec start() {
        return optional("start", INSTANT, DEFAULT_START, "the event time of the first record");
    }

    static List<NodeType> all() {
        return List.of(rows(), scripted(), file(), sequence(), sensors(), clicks(), payments(), sentences(), socket());
    }

    static NodeType rows() {
        return type("source.rows", Category.SOURCES).title("Rows")
                .summary("Records written in the pipeline file itself, emitted in order")
                .concept("Bounded data: a fixed collection, like Flink's fromData. " + BOUNDED
                        + " It runs in one subtask, as Flink's collection sources do.")
                .param(required("schema", SCHEMA, "field names and types, e.g. {\"word\": \"STRING\", \"count\": \"BIGINT\"}"))
                .param(required("rows", ROWS, "the records, as objects with the schema's fields"))
                .param(rate(null))
                .output(PortSpec.OUT).singleSubtask()
                .onFlink("StreamExecutionEnvironment#fromSource, reading with Eddy's own reader")
                .bind(ctx -> {
                    Params p = ctx.params();
                    Schema schema = p.schema("schema");
                    if (schema == null) return null;
                    List<Row> rows = p.rows("rows", schema);
                    double rate = rateOf(p);
                    return Binding.source(schema, (i, n) -> new RowsSource(rows, rate));
                });
    }

    static NodeType scripted() {
        return type("source.scripted", Category.SOURCES).title("Scripted timeline")
                .summary("Records, watermarks and processing-time advances in an exact order")
                .concept("Time made exact, as Flink's operator test harnesses make it: each record carries the event"
                        + " timestamp you give it (or none), watermarks arrive exactly where you put them, and"
                        + " processingTime steps move the processing-time clock, firing the timers due by then, and a"
                        + " checkpoint step rebuilds every operator from a checkpoint taken right there.")
                .param(required("schema", SCHEMA, "field names and types of the records"))
                .param(required("steps", dev.eddy.catalog.ParamKind.STEPS,
                        "the timeline: {\"record\": {...}, \"ts\": 3999}, {\"watermark\": 2999}, {\"processingTime\": 5000},"
                                + " {\"checkpoint\": \"restore\"}"))
                .output(PortSpec.OUT).singleSubtask()
                .onFlink("StreamExecutionEnvironment#fromSource, reading with Eddy's own reader", (p, out) -> p.raw("steps").findValue("processingTime") != null
                        ? "processingTime steps move a scripted clock, and Flink's processing time is the wall clock"
 : null)
                .bind(ctx -> {
                    Params p = ctx.params();
                    Schema schema = p.schema("schema");
                    if (schema == null) return null;
                    List<dev.eddy.connectors.ScriptedSource.Step> steps = p.steps("steps", schema);
                    return Binding.source(schema, (i, n) -> new dev.eddy.connectors.ScriptedSource(steps))
                            .with(dev.eddy.catalog.StreamTraits.watermarks(false));
                });
    }

    static NodeType file() {
        return type("source.file", Category.SOURCES).title("File")
                .summary("Reads a text, CSV or JSON Lines file, one record per line")
                .concept("A bounded source over a file, like Flink's FileSource. A line that does not parse is handled"
                        + " by onError: the job stops naming the line and field, or the line goes to the errors port.")
                .param(required("path", PATH, "the file; a relative path is relative to the pipeline file's folder"))
                .param(choice("format", "csv", "text gives one field, line; csv and jsonl follow the schema", "text", "csv", "jsonl"))
                .param(optional("schema", SCHEMA, "field names and types (csv and jsonl)"))
                .param(optional("header", BOOLEAN, true, "whether the CSV file's first line names the fields"))
                .param(optional("delimiter", STRING, ",", "the CSV cell separator"))
                .param(rate(null))
                .output(PortSpec.OUT).failsPerRecord().singleSubtask()
                .onFlink("StreamExecutionEnvironment#fromSource, reading with Eddy's own reader", (p, out) -> out.contains("errors")
                        ? "Flink sources have no side outputs, so the errors port cannot be connected on Flink" : null)
                .bind(ctx -> {
                    Params p = ctx.params();
                    FileSource.Format format = FileSource.Format.valueOf(p.string("format").toUpperCase(java.util.Locale.ROOT));
                    Schema schema = format == FileSource.Format.TEXT ? Schema.of("line", DataType.STRING) : p.schema("schema");
                    if (schema == null) {
                        if (!p.isSet("schema")) ctx.error("schema", "a " + p.string("format") + " file needs a schema, e.g. {\"word\": \"STRING\"}");
                        return null;
                    }
                    String delimiter = p.string("delimiter");
                    if (delimiter.length() != 1) {
                        ctx.error("delimiter", "expected a single character but found \"" + delimiter + "\"");
                        return null;
                    }
                    String path = p.string("path");
                    boolean header = p.bool("header");
                    double rate = rateOf(p);
                    return new Binding(Bindings.outWithErrors(schema), dev.eddy.runtime.Partitioning.FORWARD, null,
                            (i, n) -> new FileSource(path, format, schema, header, delimiter.charAt(0), rate), null, false, null);
                });
    }

    static NodeType sequence() {
        return type("source.sequence", Category.SOURCES).title("Sequence")
                .summary("The numbers from..to, split over the subtasks")
                .concept("Like Flink's fromSequence: a parallel source whose subtasks each produce part of the range."
                        + " Without \"to\" it never ends: unbounded data.")
                .param(optional("from", INTEGER, 1L, "the first number"))
                .param(optional("to", INTEGER, "the last number (inclusive); unset means unbounded"))
                .param(rate(null))
                .output(PortSpec.OUT)
                .onFlink("StreamExecutionEnvironment#fromSource, reading with Eddy's own reader")
                .bind(ctx -> {
                    Params p = ctx.params();
                    long from = p.integer("from");
                    Long to = p.integer("to");
                    if (to != null && to < from) {
                        ctx.error("to", "\"to\" (" + to + ") is before \"from\" (" + from + ")");
                        return null;
                    }
                    double rate = rateOf(p);
                    return Binding.source(Schema.of("value", DataType.BIGINT),
                            (i, n) -> new SequenceSource(from, to, rate, i, n)).unboundedIf(to == null);
                });
    }

    static NodeType sensors() {
        return type("source.sensors", Category.SOURCES).title("Sensor readings")
                .summary("Temperature readings from sensors in rooms, out of order, some late")
                .concept("Event time is when a reading was taken, not when it arrives. Each reading arrives up to maxDelay"
                        + " after it was taken, and a share (lateRatio) arrives later still: with a watermark allowing"
                        + " maxDelay of out-of-orderness, those are the late records.")
                .param(optional("sensors", INTEGER, 8L, "how many sensors").atLeast(1))
                .param(optional("rooms", INTEGER, 4L, "how many rooms the sensors are spread over").atLeast(1))
                .param(rate(50.0))
                .param(optional("maxDelay", DURATION, "3s", "how long after its event time a reading may arrive"))
                .param(optional("lateRatio", NUMBER, 0.02, "the share of readings that arrive later than maxDelay").atLeast(0))
                .param(count()).param(start())
                .output(PortSpec.OUT)
                .onFlink("StreamExecutionEnvironment#fromSource, reading with Eddy's own reader")
                .bind(ctx -> {
                    Params p = ctx.params();
                    if (p.number("lateRatio") > 1) ctx.error("lateRatio", "a share between 0 and 1, not " + p.number("lateRatio"));
                    int sensors = p.integer("sensors").intValue();
                    int rooms = p.integer("rooms").intValue();
                    long delay = p.duration("maxDelay");
                    double late = p.number("lateRatio");
                    long count = countOf(p);
                    double rate = rateOf(p);
                    long start = p.instant("start");
                    return Binding.source(Schema.of("sensor", DataType.STRING, "room", DataType.STRING,
                                    "temperature", DataType.DOUBLE, "ts", DataType.TIMESTAMP),
                            (i, n) -> new SensorSource(sensors, rooms, delay, late, count, rate, start, i, n)).unboundedIf(count < 0);
                });
    }

    static NodeType clicks() {
        return type("source.clicks", Category.SOURCES).title("Clickstream")
                .summary("Page clicks of users who come and go in sessions")
                .concept("Bursts of activity separated by gaps longer than sessionGap: the data session windows are for.")
                .param(optional("users", INTEGER, 5L, "how many users").atLeast(1))
                .param(optional("sessionGap", DURATION, "30s", "users pause longer than this between sessions"))
                .param(count()).param(start())
                .output(PortSpec.OUT)
                .onFlink("StreamExecutionEnvironment#fromSource, reading with Eddy's own reader")
                .bind(ctx -> {
                    Params p = ctx.params();
                    int users = p.integer("users").intValue();
                    long gap = p.duration("sessionGap");
                    long count = countOf(p);
                    long start = p.instant("start");
                    return Binding.source(Schema.of("user", DataType.STRING, "page", DataType.STRING, "ts", DataType.TIMESTAMP),
                            (i, n) -> new ClickSource(users, gap, count, start, i, n)).unboundedIf(count < 0);
                });
    }

    static NodeType payments() {
        return type("source.payments", Category.SOURCES).title("Payments")
                .summary("Payment messages as in the Flink playground's PyFlink walkthrough")
                .concept("The walkthrough's generator: order ids counting up, amounts up to 100000, platform 0 or 1,"
                        + " province ids 0 to 6 (Beijing, Shanghai, Hangzhou, Shenzhen, Jiangxi, Chongqing, Xizang).")
                .param(rate(2.0)).param(count()).param(start())
                .output(PortSpec.OUT)
                .onFlink("StreamExecutionEnvironment#fromSource, reading with Eddy's own reader")
                .bind(ctx -> {
                    Params p = ctx.params();
                    long count = countOf(p);
                    double rate = rateOf(p);
                    long start = p.instant("start");
                    return Binding.source(Schema.of("createTime", DataType.TIMESTAMP, "orderId", DataType.BIGINT,
                                    "payAmount", DataType.DOUBLE, "payPlatform", DataType.BIGINT, "provinceId", DataType.BIGINT),
                            (i, n) -> new PaymentSource(count, rate, start, i, n)).unboundedIf(count < 0);
                });
    }

    static NodeType sentences() {
        return type("source.sentences", Category.SOURCES).title("Sentences")
                .summary("Lines of text for word count")
                .concept("An endless supply of lines (unbounded unless count is set), for the classic word count.")
                .param(rate(10.0)).param(count()).param(start())
                .output(PortSpec.OUT)
                .onFlink("StreamExecutionEnvironment#fromSource, reading with Eddy's own reader")
                .bind(ctx -> {
                    Params p = ctx.params();
                    long count = countOf(p);
                    double rate = rateOf(p);
                    long start = p.instant("start");
                    return Binding.source(Schema.of("line", DataType.STRING), (i, n) -> new SentenceSource(count, rate, start, i, n)).unboundedIf(count < 0);
                });
    }

    static NodeType socket() {
        return type("source.socket", Category.SOURCES).title("Socket text")
                .summary("Lines of text from a TCP socket, as in Flink's `nc -lk 9999` example")
                .concept("Unbounded, live data that cannot be replayed: after a failure what was read is gone, which is"
                        + " why Flink calls the socket source at-most-once. When the connection closes the source ends"
                        + " (Flink's default of no retries) unless maxRetry allows reconnecting.")
                .param(optional("host", STRING, "localhost", "the host to connect to"))
                .param(required("port", INTEGER, "the port to connect to").atLeast(1))
                .param(optional("delimiter", STRING, "\n", "what separates records"))
                .param(optional("maxRetry", INTEGER, 0L, "reconnections after the connection closes; -1 retries forever").atLeast(-1))
                .output(PortSpec.OUT).singleSubtask()
                .onFlink("StreamExecutionEnvironment#fromSource, reading with Eddy's own reader")
                .bind(ctx -> {
                    Params p = ctx.params();
                    String host = p.string("host");
                    Long port = p.integer("port");
                    if (port == null) return null;
                    if (port > 65535) {
                        ctx.error("port", "a port is at most 65535, not " + port);
                        return null;
                    }
                    String delimiter = p.string("delimiter");
                    int retry = p.integer("maxRetry").intValue();
                    return Binding.source(Schema.of("line", DataType.STRING),
                            (i, n) -> new SocketSource(host, port.intValue(), delimiter, retry)).unboundedIf(true);
                });
    }

    private static double rateOf(Params p) {
        Double r = p.number("rate");
        return r == null ? 0 : r;
    }

    private static long countOf(Params p) {
        Long c = p.integer("count");
        return c == null ? -1 : c;
    }
}
