package dev.eddy.catalog;

/**
 * What a parameter holds, which decides how it is checked, edited in the inspector and
 * described in the JSON Schema.
 */
public enum ParamKind {
    /** Free text. */
    STRING("text"),
    /** A whole number. */
    INTEGER("whole number"),
    /** Any number. */
    NUMBER("number"),
    BOOLEAN("true or false"),
    /** A span of time written as 500ms, 10s, 5m, 2h or 1d. */
    DURATION("duration such as 500ms, 10s, 5m"),
    /** An instant written as ISO-8601 (2024-01-01T00:00:00Z) or epoch milliseconds. */
    INSTANT("instant such as 2024-01-01T00:00:00Z"),
    /** One of a fixed list of words. */
    ENUM("one of a fixed list"),
    /** An expression over the input's fields (see docs/expressions.md). */
    EXPRESSION("expression"),
    /** An expression that must be BOOLEAN. */
    CONDITION("condition"),
    /** A field of the input schema. */
    FIELD("field name"),
    /** A file or directory path; relative paths are resolved against the pipeline file's folder. */
    PATH("path"),
    /** Field names to types: {"room": "STRING", "temperature": "DOUBLE"}. */
    SCHEMA("schema"),
    /** Inline records: a list of objects with the schema's fields. */
    ROWS("rows"),
    /** Output field names to expressions: {"celsius": "(f - 32) / 1.8"}. */
    PROJECTIONS("field expressions"),
    /** Output field names to aggregate calls: {"total": "SUM(amount)", "n": "COUNT(*)"}. */
    AGGREGATES("aggregates"),
    /** Field names to how two values combine in a reduce: {"count": "sum"}. */
    COMBINERS("field combiners"),
    /**
     * A timeline for the scripted source: {"record": {...}, "ts": 3999} (ts may be null or left out),
     * {"watermark": 2999}, {"processingTime": 5000}.
     */
    STEPS("timeline of steps"),
    /** A list of strings. */
    STRING_LIST("list of text"),
    /** A process program (see docs/process.md): one string, or a list of its lines. */
    PROGRAM("process program");

    private final String description;

    ParamKind(String description) { this.description = description; }

    public String description() { return description; }
}
