package dev.eddy.expr;

import static dev.eddy.expr.Fn.strict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** java.util.regex functions and splitting. A literal pattern is compiled once, when the expression is. */
final class RegexFunctions {
    private RegexFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.category("string");
        r.fn("REGEXP", "s STRING, pattern STRING", "BOOLEAN",
                "TRUE when some part of s matches the Java regular expression pattern.", c -> {
                    Function<String, Pattern> rx = regex(c, 1);
                    return strict(c.ev(0), c.ev(1), (String s, String p) -> rx.apply(p).matcher(s).find());
                });
        r.fn("REGEXP_EXTRACT", "s STRING, pattern STRING[, group BIGINT]", "STRING",
                "The text of group (default 0, the whole match) in the first match of pattern in s; "
                        + "NULL when nothing matches or there is no such group.", c -> {
                    Function<String, Pattern> rx = regex(c, 1);
                    Ev group = c.argc() == 3 ? c.ev(2) : new Const(0L);
                    return strict(c.ev(0), c.ev(1), group, (String s, String p, Long g) -> extract(rx.apply(p).matcher(s), g));
                });
        r.fn("REGEXP_REPLACE", "s STRING, pattern STRING, replacement STRING", "STRING",
                "s with every match of pattern replaced; $1 in replacement stands for group 1.", c -> {
                    Function<String, Pattern> rx = regex(c, 1);
                    Expr where = c.where();
                    return strict(c.ev(0), c.ev(1), c.ev(2), (String s, String p, String rep) -> replace(rx.apply(p), s, rep, where));
                });
        r.fn("SPLIT", "s STRING, delimiter STRING", "ARRAY<STRING>",
                "s cut at each occurrence of the literal delimiter, keeping empty parts; one element per character "
                        + "when delimiter is ''.",
                c -> strict(c.ev(0), c.ev(1), (String s, String d) -> split(s, d)));
        r.fn("REGEXP_SPLIT", "s STRING, pattern STRING", "ARRAY<STRING>",
                "s cut around each match of pattern, with java.util.regex split rules (trailing empty parts dropped).", c -> {
                    Function<String, Pattern> rx = regex(c, 1);
                    return strict(c.ev(0), c.ev(1), (String s, String p) -> List.of(rx.apply(p).split(s)));
                });
        r.fn("SPLIT_INDEX", "s STRING, delimiter STRING, index BIGINT", "STRING",
                "Element index (0-based) of SPLIT(s, delimiter); NULL when index is out of range.",
                c -> strict(c.ev(0), c.ev(1), c.ev(2), (String s, String d, Long i) -> splitIndex(s, d, i)));
    }

    private static Function<String, Pattern> regex(CallContext c, int arg) throws ExpressionError {
        return c.prepared(arg, "bad regular expression", Pattern::compile);
    }

    private static String extract(Matcher m, long group) {
        if (group < 0 || group > m.groupCount() || !m.find()) return null;
        return m.group((int) group);
    }

    private static String replace(Pattern p, String s, String replacement, Expr where) {
        try {
            return p.matcher(s).replaceAll(replacement);
        } catch (IllegalArgumentException | IndexOutOfBoundsException bad) {
            throw new EvaluationException("bad replacement " + Values.quote(replacement) + " in `" + Exprs.print(where) + "`: " + bad.getMessage());
        }
    }

    /** Flink's SPLIT: empty parts are kept, including leading and trailing ones. */
    static List<String> split(String s, String delimiter) {
        List<String> out = new ArrayList<>();
        if (delimiter.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return Collections.unmodifiableList(out);
        }
        int from = 0;
        while (true) {
            int i = s.indexOf(delimiter, from);
            if (i < 0) break;
            out.add(s.substring(from, i));
            from = i + delimiter.length();
        }
        out.add(s.substring(from));
        return Collections.unmodifiableList(out);
    }

    private static String splitIndex(String s, String delimiter, long index) {
        List<String> parts = split(s, delimiter);
        return index < 0 || index >= parts.size() ? null : parts.get((int) index);
    }
}
