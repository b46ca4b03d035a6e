package dev.eddy.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.validate.Problem;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The checks every part of a pipeline file's reader makes of a JSON object's fields, each problem at its path. */
final class JsonFields {
    private JsonFields() {}

    /** A string field, or null (with a problem when it is required, or not a string). */
    static String text(JsonNode obj, String field, String path, boolean required, List<Problem> problems) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) problems.add(Problem.error(path, null, "the field is missing; expected a string"));
            return null;
        }
        if (!v.isTextual()) {
            problems.add(Problem.error(path, null, "expected a string but found " + v));
            return null;
        }
        return v.textValue();
    }

    /** A problem for each field not in {@code known}, naming the ones that are. */
    static void unknown(JsonNode obj, Set<String> known, String prefix, String what, List<Problem> problems) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                problems.add(Problem.error(prefix + f, null, "unknown " + what + " \"" + f + "\"; expected one of "
                        + String.join(", ", new TreeSet<>(known))));
            }
        }
    }
}
