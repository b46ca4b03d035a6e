package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios derived from Flink's WindowOperatorTest and EvictingWindowOperatorTest (input and
 * expected output as those tests have them, Tuple2(key, value) summed), run through a pipeline
 * file with a scripted source. Like Flink's TestHarnessUtil#assertOutputEqualsSorted, watermarks
 * must sit at their exact positions and the records between two watermarks are compared as a
 * multiset. Flink's harness never sends the final watermark; what Eddy emits after the last
 * expected watermark (the end-of-input flush) is not compared.
 */
class FlinkWindowScenariosTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ELEMENT = Pattern.compile("\\((\\w+),(-?\\d+)\\)@(-?\\d+|MAX)");

    @TempDir
    Path dir;

    /** "(key2,1)@3999, WM 999, PT 5000" → scripted steps. */
    private static String steps(String in) {
        List<String> out = new ArrayList<>();
        for (String part : in.split(",\\s*(?=\\(|WM|PT)")) {
            part = part.trim();
            if (part.startsWith("WM")) out.add("{\"watermark\": " + part.substring(2).trim() + "}");
            else if (part.startsWith("PT")) out.add("{\"processingTime\": " + part.substring(2).trim() + "}");
            else {
                Matcher m = ELEMENT.matcher(part);
                assertTrue(m.matches(), part);
                String ts = m.group(3).equals("MAX") ? String.valueOf(Long.MAX_VALUE) : m.group(3);
                out.add("{\"record\": {\"k\": \"" + m.group(1) + "\", \"v\": " + m.group(2) + "}, \"ts\": " + ts + "}");
            }
        }
        return String.join(", ", out);
    }

    /** Trace lines → "(k,sum)@ts" and "WM t", with bounds "(k,sum,start,end)@ts" when asked. */
    private static List<String> compact(List<String> lines, boolean bounds) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            if (n.has("watermark")) {
                long w = n.get("watermark").longValue();
                out.add("WM " + (w == Long.MAX_VALUE ? "MAX" : String.valueOf(w)));
                continue;
            }
            JsonNode r = n.get("record");
            long ts = n.get("ts").longValue();
            String value = r.has("sum") ? r.get("sum").asText() : r.get("v").asText();
            String b = "";
            if (bounds) {
                b = "," + java.time.Instant.parse(r.get("window_start").asText()).toEpochMilli()
                        + "," + java.time.Instant.parse(r.get("window_end").asText()).toEpochMilli();
            }
            out.add("(" + r.get("k").asText() + "," + value + b + ")@" + (ts == Long.MAX_VALUE ? "MAX" : String.valueOf(ts)));
        }
        return out;
    }

    /** Watermarks at exact positions, records between them as a multiset. */
    private static void assertSorted(String expected, List<String> actual) {
        List<String> exp = new ArrayList<>(List.of(expected.split(",\\s*(?=\\(|WM)")));
        exp.replaceAll(String::trim);
        int lastWm = -1;
        for (int i = 0; i < exp.size(); i++) if (exp.get(i).startsWith("WM")) lastWm = i;
        List<String> act = new ArrayList<>(actual);
        if (lastWm >= 0) {
            int count = (int) exp.stream().filter(s -> s.startsWith("WM")).count();
            int seen = 0;
            for (int i = 0; i < act.size(); i++) {
                if (act.get(i).startsWith("WM") && ++seen == count) {
                    act = new ArrayList<>(act.subList(0, i + 1 + (exp.size() - 1 - lastWm)));
                    break;
                }
            }
        } else if (!act.isEmpty() && act.get(act.size() - 1).equals("WM MAX")) {
            act.remove(act.size() - 1);
        }
        assertEquals(segments(exp), segments(act), "expected " + exp + "\n but was " + actual);
    }

    private static List<List<String>> segments(List<String> items) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String s : items) {
            if (s.startsWith("WM")) {
                cur.sort(null);
                out.add(cur);
                out.add(List.of(s));
                cur = new ArrayList<>();
            } else {
                cur.add(s);
            }
        }
        cur.sort(null);
        out.add(cur);
        return out;
    }

    private List<List<String>> run(String in, String window, boolean bounds) throws Exception {
        List<List<String>> r = Scenario.keyedWindow(dir, Scenario.KV, steps(in), window.replace("SUM", "\"aggregates\": {\"sum\": \"SUM(v)\"}"));
        return List.of(compact(r.get(0), bounds), compact(r.get(1), false));
    }

    private static final String E8 = "(key2,1)@3999, (key2,1)@3000, (key1,1)@20, (key1,1)@0, (key1,1)@999, (key2,1)@1998, (key2,1)@1999, (key2,1)@1000";

    @Test
    void tumblingEventTimeSum() throws Exception {
        var r = run(E8 + ", WM 999, WM 1999, WM 2999, WM 3999, WM 4999, WM 5999, WM 6999, WM 7999", "{\"size\": \"3s\", SUM}", false);
        assertSorted("WM 999, WM 1999, (key1,3)@2999, (key2,3)@2999, WM 2999, WM 3999, WM 4999, (key2,2)@5999, WM 5999, WM 6999, WM 7999", r.get(0));
    }

    @Test
    void slidingEventTimeSum() throws Exception {
        var r = run(E8 + ", WM 999, WM 1999, WM 2999, WM 3999, WM 4999, WM 5999, WM 6999, WM 7999",
                "{\"assigner\": \"sliding\", \"size\": \"3s\", \"slide\": \"1s\", SUM}", false);
        assertSorted("(key1,3)@999, WM 999, (key1,3)@1999, (key2,3)@1999, WM 1999, (key1,3)@2999, (key2,3)@2999, WM 2999,"
                + " (key2,5)@3999, WM 3999, (key2,2)@4999, WM 4999, (key2,2)@5999, WM 5999, WM 6999, WM 7999", r.get(0));
    }

    @Test
    void sessionWindows() throws Exception {
        var r = run("(key2,1)@0, (key2,2)@1000, (key2,3)@2500, (key1,1)@10, (key1,2)@1000, (key1,3)@2500, (key2,4)@5501,"
                + " (key2,5)@6000, (key2,5)@6000, (key2,6)@6050, WM 12000, (key2,10)@15000, (key2,20)@15000, WM 17999",
                "{\"assigner\": \"session\", \"gap\": \"3s\", SUM}", true);
        assertSorted("(key1,6,10,5500)@5499, (key2,6,0,5500)@5499, (key2,20,5501,9050)@9049, WM 12000, (key2,30,15000,18000)@17999, WM 17999", r.get(0));
    }

    private static final String LATE_SESSION = "(key2,1)@1000, WM 1999, (key2,1)@2000, WM 4998, (key2,1)@4500, (key2,1)@8500, WM 7400,"
            + " (key2,1)@7000, WM 11501, (key2,1)@11600, WM 14600, (key2,1)@10000, (key2,1)@14500, WM 20000, WM 100000";

    @Test
    void lateSessionMergesIntoAFiredButNotCleanedSession() throws Exception {
        var r = run(LATE_SESSION, "{\"assigner\": \"session\", \"gap\": \"3s\", \"allowedLateness\": \"10ms\", SUM}", true);
        assertSorted("WM 1999, WM 4998, WM 7400, (key2,5,1000,11500)@11499, WM 11501, (key2,1,11600,14600)@14599, WM 14600,"
                + " (key2,2,10000,14600)@14599, (key2,3,10000,17500)@17499, WM 20000, WM 100000", r.get(0));
        assertTrue(r.get(1).stream().allMatch(s -> s.startsWith("WM")), "nothing is late: " + r.get(1));
    }

    @Test
    void withZeroLatenessTheSameRecordGoesToTheLatePort() throws Exception {
        var r = run(LATE_SESSION, "{\"assigner\": \"session\", \"gap\": \"3s\", SUM}", true);
        assertTrue(r.get(1).contains("(key2,1)@10000"), r.get(1).toString());
        assertTrue(r.get(0).contains("(key2,1,14500,17500)@17499"), r.get(0).toString());
    }

    @Test
    void purgingCountTriggerOnGlobalWindows() throws Exception {
        var r = run("(key2,1)@3000, (key2,1)@3999, (key1,1)@20, (key1,1)@0, (key1,1)@999, (key2,1)@1998, (key2,1)@1999,"
                + " (key2,1)@1000, (key1,1)@10999, (key2,1)@1000, (key2,1)@1000, (key2,1)@1000", "{\"assigner\": \"count\", \"count\": 4, SUM}", false);
        assertSorted("(key2,4)@MAX, (key1,4)@MAX, (key2,4)@MAX", r.get(0));
    }

    @Test
    void slidingCountWindowEvictsBeforeTheFunction() throws Exception {
        var r = run("(key2,1)@3000, (key2,1)@3999, (key1,1)@20, (key1,1)@0, (key1,1)@999, (key2,1)@1998, (key2,1)@1999,"
                + " (key2,1)@1000, (key1,1)@10999, (key2,1)@1000", "{\"assigner\": \"count\", \"count\": 4, \"countSlide\": 2, SUM}", false);
        assertSorted("(key2,2)@MAX, (key1,2)@MAX, (key2,4)@MAX, (key1,4)@MAX, (key2,4)@MAX", r.get(0));
    }

    @Test
    void latenessWithAPurgingEventTimeTrigger() throws Exception {
        var r = run("(key2,1)@500, WM 1500, (key2,1)@1300, WM 2300, (key2,1)@1997, WM 6000, (key2,1)@1998, WM 7000",
                "{\"size\": \"2s\", \"allowedLateness\": \"500ms\", \"purging\": true, SUM}", false);
        assertSorted("WM 1500, (key2,2)@1999, WM 2300, (key2,1)@1999, WM 6000, WM 7000", r.get(0));
        assertTrue(r.get(1).contains("(key2,1)@1998"), r.get(1).toString());
    }

    @Test
    void lateRecordsOfATumblingWindowGoToTheLatePort() throws Exception {
        var r = run("(key2,1)@1000, WM 1985, (key2,1)@1980, WM 1999, (key2,1)@1998, (key2,1)@2001, WM 2999, WM 3999",
                "{\"size\": \"2s\", SUM}", false);
        assertSorted("WM 1985, (key2,2)@1999, WM 1999, WM 2999, (key2,1)@3999, WM 3999", r.get(0));
        assertEquals(List.of("(key2,1)@1998"), r.get(1).stream().filter(s -> !s.startsWith("WM")).toList());
    }

    @Test
    void slidingElementsLateForSomeWindowsAreNotSideOutput() throws Exception {
        var r = run("(key2,1)@1000, WM 1999, (key2,1)@2000, WM 3000, (key1,1)@3001, (key2,1)@2400, (key2,1)@2400, (key1,1)@3001,"
                + " (key2,1)@3900, WM 6000, (key1,1)@3001, WM 25000", "{\"assigner\": \"sliding\", \"size\": \"3s\", \"slide\": \"1s\", SUM}", false);
        assertSorted("(key2,1)@1999, WM 1999, (key2,2)@2999, WM 3000, (key2,5)@3999, (key1,2)@3999, (key2,4)@4999, (key1,2)@4999,"
                + " (key2,1)@5999, (key1,2)@5999, WM 6000, WM 25000", r.get(0));
        assertEquals(List.of("(key1,1)@3001"), r.get(1).stream().filter(s -> !s.startsWith("WM")).toList());
    }

    @Test
    void theCleanupTimerClearsWithoutFiringAgain() throws Exception {
        var r = run("(key2,1)@1000, WM 1599, WM 1999, WM 2000, WM 5000", "{\"size\": \"2s\", \"allowedLateness\": \"1ms\", SUM}", false);
        assertSorted("WM 1599, (key2,1)@1999, WM 1999, WM 2000, WM 5000", r.get(0));
    }

    @Test
    void continuousEventTimeTriggerOnGlobalWindows() throws Exception {
        var r = run("(key1,1)@0, (key2,1)@3000, (key2,1)@3999, (key1,1)@20, (key1,1)@999, (key2,1)@1998, (key2,1)@1999, (key2,1)@1000,"
                + " WM 1000, WM 2000, WM 3000, WM 4000, WM 5000, WM 6000, WM 7000, WM 8000",
                "{\"assigner\": \"global\", \"trigger\": \"continuous-event-time\", \"triggerInterval\": \"3s\", SUM}", false);
        assertSorted("WM 1000, WM 2000, (key1,3)@MAX, WM 3000, WM 4000, WM 5000, (key1,3)@MAX, (key2,5)@MAX, WM 6000, WM 7000, WM 8000", r.get(0));
    }

    @Test
    void countEvictorAfterTheFunction() throws Exception {
        var r = run(E8.replace("(key2,1)@3999, (key2,1)@3000", "(key2,1)@3000, (key2,1)@3999") + ", (key1,1)@10999, (key2,1)@1000, (key2,1)@1000, (key2,1)@1000",
                "{\"assigner\": \"global\", \"trigger\": \"count\", \"triggerCount\": 2, \"evictor\": \"count\", \"evictorCount\": 4, \"evictAfter\": true, SUM}", false);
        assertSorted("(key2,2)@MAX, (key1,2)@MAX, (key2,4)@MAX, (key1,4)@MAX, (key2,6)@MAX, (key2,6)@MAX", r.get(0));
    }

    @Test
    void timeEvictorBeforeTheFunctionOnTumblingWindows() throws Exception {
        var r = run("(key2,1)@1000, (key2,1)@3999, (key1,1)@20, (key1,1)@0, (key1,1)@999, (key1,1)@5999, (key2,1)@3500, (key2,1)@2001,"
                + " (key2,1)@1001, (key1,1)@6500, (key2,1)@1002",
                "{\"size\": \"4s\", \"trigger\": \"count\", \"triggerCount\": 2, \"evictor\": \"time\", \"evictorTime\": \"2s\", SUM}", false);
        assertSorted("(key2,1)@3999, (key1,2)@3999, (key2,3)@3999, (key1,2)@7999, (key2,3)@3999", r.get(0));
    }

    @Test
    void sessionCountsMergeAndFireOnceTheMergedCountIsReached() throws Exception {
        var r = run("(key2,1)@0, (key2,2)@1000, (key2,3)@2500, (key2,4)@3500, (key1,1)@10, (key1,2)@1000, (key1,3)@2500,"
                + " (key1,1)@6000, (key1,2)@6500, (key1,3)@7000, (key1,10)@4500",
                "{\"assigner\": \"session\", \"gap\": \"3s\", \"trigger\": \"count\", \"triggerCount\": 4, \"purging\": true, SUM}", true);
        assertSorted("(key2,10,0,6500)@6499, (key1,22,10,10000)@9999", r.get(0));
    }

    @Test
    void processingTimeTumblingWindows() throws Exception {
        var r = run("PT 3, (key2,1)@MAX, (key2,1)@7000, (key2,1)@7000, (key1,1)@7000, (key1,1)@7000, PT 5000,"
                + " (key1,1)@7000, (key1,1)@7000, (key1,1)@7000, PT 7000", "{\"time\": \"processing\", \"size\": \"3s\", SUM}", false);
        assertSorted("(key2,3)@2999, (key1,2)@2999, (key1,3)@5999", r.get(0));
    }

    // R-3.7: the delta trigger remembers the first value and fires when a later one is strictly more than
    // the threshold away from the remembered one, remembering that one instead; it never purges.
    @Test
    void deltaTriggerFiresWhenTheValueMovesMoreThanTheThreshold() throws Exception {
        String in = "(key1,1)@0, (key1,2)@1, (key1,4)@2, (key1,6)@3, (key1,7)@4, (key1,3)@5";
        var signed = run(in, "{\"assigner\": \"global\", \"trigger\": \"delta\", \"deltaOf\": \"v\", \"deltaThreshold\": 2, SUM}", false);
        assertSorted("(key1,7)@MAX, (key1,20)@MAX", signed.get(0));
        var absolute = run(in, "{\"assigner\": \"global\", \"trigger\": \"delta\", \"deltaOf\": \"v\", \"deltaThreshold\": 2,"
                + " \"deltaAbsolute\": true, SUM}", false);
        assertSorted("(key1,7)@MAX, (key1,20)@MAX, (key1,23)@MAX", absolute.get(0));
    }

    // R-4.5: the delta evictor removes every element at least the threshold away from the last one.
    @Test
    void deltaEvictorBeforeAndAfterTheFunction() throws Exception {
        String in = "(key1,1)@0, (key1,5)@1, (key1,6)@2, (key1,2)@3, (key1,9)@4, (key1,8)@5";
        String window = "{\"assigner\": \"global\", \"trigger\": \"count\", \"triggerCount\": 3, \"evictor\": \"delta\","
                + " \"deltaOf\": \"v\", \"evictorDelta\": 3, SUM";
        assertSorted("(key1,11)@MAX, (key1,23)@MAX", run(in, window + "}", false).get(0));
        assertSorted("(key1,12)@MAX, (key1,30)@MAX", run(in, window + ", \"evictAfter\": true}", false).get(0));
    }
}
