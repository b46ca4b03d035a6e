package dev.eddy.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.validate.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The {@code lesson} block of a pipeline file, read with every problem at its path, and written back. */
final class LessonJson {
    private static final Set<String> LESSON = Set.of("task", "hint", "checks");
    private static final Set<String> CHECK = Set.of("count", "node", "port", "where", "min", "max", "says");

    private LessonJson() {}

    static Lesson read(JsonNode l, List<Problem> problems) {
        if (l == null || l.isNull()) return null;
        if (!l.isObject()) {
            problems.add(Problem.error("lesson", null, "expected an object such as {\"task\": \"...\", \"checks\": [...]}"));
            return null;
        }
        int before = problems.size();
        unknown(l, LESSON, "lesson.", problems);
        String task = text(l, "task", "lesson.task", true, problems);
        String hint = text(l, "hint", "lesson.hint", false, problems);
        JsonNode cs = l.get("checks");
        List<Lesson.Check> checks = new ArrayList<>();
        if (cs == null || !cs.isArray() || cs.isEmpty()) {
            problems.add(Problem.error("lesson.checks", null, "expected a list of at least one check such as {\"count\": \"records\", \"node\": \"late\", \"min\": 1}"));
        } else {
            for (int i = 0; i < cs.size(); i++) {
                Lesson.Check c = check(cs.get(i), "lesson.checks[" + i + "]", problems);
                if (c != null) checks.add(c);
            }
        }
        return problems.size() > before ? null : new Lesson(task, hint, checks);
    }

    private static Lesson.Check check(JsonNode c, String path, List<Problem> problems) {
        if (!c.isObject()) {
            problems.add(Problem.error(path, null, "expected an object such as {\"count\": \"records\", \"node\": \"late\", \"min\": 1}"));
            return null;
        }
        int before = problems.size();
        unknown(c, CHECK, path + ".", problems);
        String countText = text(c, "count", path + ".count", true, problems);
        Lesson.Count count = countText == null ? null : Lesson.Count.parse(countText);
        if (countText != null && count == null) {
            problems.add(Problem.error(path + ".count", null, "expected one of " + String.join(", ",
                    Arrays.stream(Lesson.Count.values()).map(Lesson.Count::id).toList()) + " but found \"" + countText + "\""));
        }
        String node = text(c, "node", path + ".node", count != null && count.needsNode(), problems);
        String port = text(c, "port", path + ".port", false, problems);
        String where = text(c, "where", path + ".where", false, problems);
        if (count != null && where != null && !count.hasRows()) {
            problems.add(Problem.error(path + ".where", null, "\"where\" picks records, so it applies to records and late only, not " + count.id()));
        }
        if (count != null && port != null && count != Lesson.Count.RECORDS) {
            problems.add(Problem.error(path + ".port", null, "\"port\" applies to records only"));
        }
        Long min = bound(c, "min", path, problems);
        Long max = bound(c, "max", path, problems);
        if (min == null && max == null) problems.add(Problem.error(path, null, "give \"min\", \"max\" or both (the same for exactly)"));
        if (min != null && max != null && min > max) problems.add(Problem.error(path + ".min", null, "min " + min + " is above max " + max));
        String says = text(c, "says", path + ".says", false, problems);
        return problems.size() > before ? null : new Lesson.Check(count, node, port, where, min, max, says);
    }

    private static Long bound(JsonNode c, String field, String path, List<Problem> problems) {
        JsonNode v = c.get(field);
        if (v == null) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            problems.add(Problem.error(path + "." + field, null, "expected a whole number of 0 or more but found " + v));
            return null;
        }
        return v.longValue();
    }

    private static String text(JsonNode obj, String field, String path, boolean required, List<Problem> problems) {
        return JsonFields.text(obj, field, path, required, problems);
    }

    private static void unknown(JsonNode obj, Set<String> known, String prefix, List<Problem> problems) {
        JsonFields.unknown(obj, known, prefix, "field", problems);
    }

    static ObjectNode write(Lesson lesson) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("task", lesson.task());
        if (lesson.hint() != null) o.put("hint", lesson.hint());
        var checks = o.putArray("checks");
        for (Lesson.Check c : lesson.checks()) {
            ObjectNode co = checks.addObject();
            co.put("count", c.count().id());
            if (c.node() != null) co.put("node", c.node());
            if (c.port() != null) co.put("port", c.port());
            if (c.where() != null) co.put("where", c.where());
            if (c.min() != null) co.put("min", c.min());
            if (c.max() != null) co.put("max", c.max());
            if (c.says() != null) co.put("says", c.says());
        }
        return o;
    }
}
