package dev.eddy.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled SQL LIKE pattern: % matches any run of characters, _ exactly one (a Unicode code
 * point). Common shapes ('abc%', '%abc', '%abc%', no wildcard) become a single String method call;
 * the rest use a backtracking matcher that is linear for a single % and O(n*m) at worst, never
 * exponential like a naive regex translation could be.
 */
final class LikePattern {
    private static final int ANY = -1;
    private static final int ONE = -2;

    private enum Shape { EQUALS, PREFIX, SUFFIX, CONTAINS, GENERAL }

    private final Shape shape;
    private final String literal;
    private final int[] program;

    private LikePattern(Shape shape, String literal, int[] program) {
        this.shape = shape;
        this.literal = literal;
        this.program = program;
    }

    /** @throws IllegalArgumentException for a misplaced escape character */
    static LikePattern compile(String pattern, String escape) {
        int esc = escape == null ? Integer.MIN_VALUE : escape.codePointAt(0);
        List<Integer> prog = new ArrayList<>();
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == esc) {
                if (i >= pattern.length()) throw new IllegalArgumentException("the pattern ends with the escape character");
                int next = pattern.codePointAt(i);
                if (next != '%' && next != '_' && next != esc) {
                    throw new IllegalArgumentException("the escape character must be followed by %, _ or itself");
                }
                i += Character.charCount(next);
                prog.add(next);
            } else if (cp == '%') {
                if (prog.isEmpty() || prog.get(prog.size() - 1) != ANY) prog.add(ANY);
            } else {
                prog.add(cp == '_' ? ONE : cp);
            }
        }
        int[] p = prog.stream().mapToInt(Integer::intValue).toArray();
        return new LikePattern(shapeOf(p), literalOf(p), p);
    }

    private static Shape shapeOf(int[] p) {
        int anys = 0;
        for (int c : p) {
            if (c == ONE) return Shape.GENERAL;
            if (c == ANY) anys++;
        }
        boolean first = p.length > 0 && p[0] == ANY;
        boolean last = p.length > 0 && p[p.length - 1] == ANY;
        if (anys == 0) return Shape.EQUALS;
        if (anys == 1 && last) return Shape.PREFIX;
        if (anys == 1 && first) return Shape.SUFFIX;
        if (anys == 2 && first && last && p.length > 1) return Shape.CONTAINS;
        return Shape.GENERAL;
    }

    private static String literalOf(int[] p) {
        StringBuilder b = new StringBuilder();
        for (int c : p) if (c >= 0) b.appendCodePoint(c);
        return b.toString();
    }

    boolean matches(String s) {
        switch (shape) {
            case EQUALS: return s.equals(literal);
            case PREFIX: return s.startsWith(literal);
            case SUFFIX: return s.endsWith(literal);
            case CONTAINS: return s.contains(literal);
            default: return general(s.codePoints().toArray());
        }
    }

    /** Greedy matching that, on a mismatch, retries from the last % with one more character consumed. */
    private boolean general(int[] s) {
        int si = 0;
        int pi = 0;
        int star = -1;
        int mark = 0;
        while (si < s.length) {
            if (pi < program.length && (program[pi] == ONE || program[pi] == s[si])) {
                si++;
                pi++;
            } else if (pi < program.length && program[pi] == ANY) {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < program.length && program[pi] == ANY) pi++;
        return pi == program.length;
    }
}
