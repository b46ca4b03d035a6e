package dev.eddy.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits expression text into tokens. Keywords stay plain identifiers here; the parser decides
 * by position, so a field may share its name with a word like TIMESTAMP or ARRAY.
 */
final class Lexer {
    enum Kind { IDENT, QUOTED_IDENT, STRING, INTEGER, DECIMAL, SYMBOL, END }

    record Token(Kind kind, String text, int pos) {
        boolean isSymbol(String s) { return kind == Kind.SYMBOL && text.equals(s); }

        boolean isKeyword(String k) { return kind == Kind.IDENT && text.equalsIgnoreCase(k); }

        String describe() {
            switch (kind) {
                case END: return "end of expression";
                case STRING: return "string " + Values.quote(text);
                case QUOTED_IDENT: return "`" + text + "`";
                default: return "'" + text + "'";
            }
        }
    }

    private static final String[] TWO_CHAR = {"<=", ">=", "<>", "!=", "||"};
    private static final String ONE_CHAR = "()[],+-*/%=<>";

    private Lexer() {}

    static List<Token> tokenize(String text) throws ExpressionError {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            if (i >= n) {
                out.add(new Token(Kind.END, "", n));
                return out;
            }
            char c = text.charAt(i);
            if (c == '\'') {
                i = quoted(text, i, Kind.STRING, out);
            } else if (c == '`') {
                i = quoted(text, i, Kind.QUOTED_IDENT, out);
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(text.charAt(i + 1)))) {
                i = number(text, i, out);
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && isIdentPart(text.charAt(j))) j++;
                out.add(new Token(Kind.IDENT, text.substring(i, j), i));
                i = j;
            } else {
                i = symbol(text, i, out);
            }
        }
    }

    /** A quote inside is written twice, as in SQL: 'it''s', `odd``name`. */
    private static int quoted(String text, int start, Kind kind, List<Token> out) throws ExpressionError {
        char q = text.charAt(start);
        StringBuilder b = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == q) {
                if (i + 1 < text.length() && text.charAt(i + 1) == q) {
                    b.append(q);
                    i += 2;
                    continue;
                }
                if (kind == Kind.QUOTED_IDENT && b.length() == 0) {
                    throw new ExpressionError(start + 1, "empty field name ``");
                }
                out.add(new Token(kind, b.toString(), start));
                return i + 1;
            }
            b.append(c);
            i++;
        }
        throw new ExpressionError(start + 1, kind == Kind.STRING
                ? "unterminated string starting here; close it with ' (write '' for a quote inside the text)"
                : "unterminated `name` starting here; close it with `");
    }

    private static int number(String text, int start, List<Token> out) throws ExpressionError {
        int n = text.length();
        int j = start;
        boolean decimal = false;
        while (j < n && isDigit(text.charAt(j))) j++;
        if (j < n && text.charAt(j) == '.') {
            decimal = true;
            j++;
            while (j < n && isDigit(text.charAt(j))) j++;
        }
        if (j < n && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < n && (text.charAt(k) == '+' || text.charAt(k) == '-')) k++;
            if (k < n && isDigit(text.charAt(k))) {
                decimal = true;
                j = k;
                while (j < n && isDigit(text.charAt(j))) j++;
            }
        }
        if (j < n && isIdentPart(text.charAt(j))) {
            int k = j;
            while (k < n && isIdentPart(text.charAt(k))) k++;
            String word = text.substring(start, k);
            throw new ExpressionError(start + 1, "'" + word + "' is not a number, and a name cannot start with a digit"
                    + " (write `" + word + "` for a field of that name)");
        }
        out.add(new Token(decimal ? Kind.DECIMAL : Kind.INTEGER, text.substring(start, j), start));
        return j;
    }

    private static int symbol(String text, int i, List<Token> out) throws ExpressionError {
        if (text.startsWith("==", i)) throw new ExpressionError(i + 1, "use = to compare, not ==");
        for (String s : TWO_CHAR) {
            if (text.startsWith(s, i)) {
                out.add(new Token(Kind.SYMBOL, s, i));
                return i + 2;
            }
        }
        char c = text.charAt(i);
        if (ONE_CHAR.indexOf(c) >= 0) {
            out.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
            return i + 1;
        }
        String hint;
        switch (c) {
            case '"': hint = "; double quotes are not used: write 'text' for a string or `name` for a field"; break;
            case '&': hint = "; use AND"; break;
            case '|': hint = "; use OR for logic or || to join strings"; break;
            case '!': hint = "; use NOT, or <> for not equal"; break;
            default: hint = "";
        }
        String ch = new String(Character.toChars(text.codePointAt(i)));
        throw new ExpressionError(i + 1, "unexpected character '" + ch + "'" + hint);
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isIdentPart(char c) { return Character.isLetterOrDigit(c) || c == '_'; }
}
