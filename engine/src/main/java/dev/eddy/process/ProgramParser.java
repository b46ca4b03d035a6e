package dev.eddy.process;

import dev.eddy.catalog.Durations;
import dev.eddy.process.ProgramSyntax.Call;
import dev.eddy.process.ProgramSyntax.Emit;
import dev.eddy.process.ProgramSyntax.ExprValue;
import dev.eddy.process.ProgramSyntax.For;
import dev.eddy.process.ProgramSyntax.Handler;
import dev.eddy.process.ProgramSyntax.HandlerKind;
import dev.eddy.process.ProgramSyntax.If;
import dev.eddy.process.ProgramSyntax.Item;
import dev.eddy.process.ProgramSyntax.Program;
import dev.eddy.process.ProgramSyntax.StateDecl;
import dev.eddy.process.ProgramSyntax.StateKind;
import dev.eddy.process.ProgramSyntax.StateRead;
import dev.eddy.process.ProgramSyntax.Statement;
import dev.eddy.process.ProgramSyntax.Text;
import dev.eddy.process.ProgramSyntax.TimeDomain;
import dev.eddy.process.ProgramSyntax.Timer;
import dev.eddy.process.ProgramSyntax.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the statements of a process program; the expressions inside stay text for the
 * expression compiler. An expression ends at the first {@code ;}, {@code {} or (in lists)
 * {@code ,} outside quotes and brackets: the expression language uses none of them, so the split
 * never guesses. Comments run from {@code --} or {@code //} to the end of the line.
 */
final class ProgramParser {
    /** Each nested block costs a few frames; the limit keeps hostile input from overflowing the stack. */
    static final int MAX_NESTING = 50;
    private static final Pattern AS_NAME = Pattern.compile("(?is)^(.*\\S)\\s+AS\\s+([A-Za-z_][A-Za-z0-9_]*|`(?:[^`]|``)+`)\\s*$");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|`(?:[^`]|``)+`");

    private final ProgramText source;
    private final String text;
    private int p;
    private int nesting;

    private ProgramParser(ProgramText source) {
        this.source = source;
        this.text = source.code();
    }

    static Program parse(ProgramText source) throws ProgramError {
        return new ProgramParser(source).program();
    }

    private Program program() throws ProgramError {
        List<StateDecl> states = new ArrayList<>();
        List<Handler> handlers = new ArrayList<>();
        while (true) {
            skipSpace();
            if (p >= text.length()) break;
            int at = p;
            String word = word("`state` or `on`");
            if (word.equalsIgnoreCase("state")) {
                if (!handlers.isEmpty()) throw error(at, "declare state before the first handler");
                states.add(state(at));
            } else if (word.equalsIgnoreCase("on")) {
                handlers.add(handler(at));
            } else {
                throw error(at, "expected `state name TYPE;` or a handler `on record { ... }` / `on timer { ... }`, not `" + word + "`");
            }
        }
        if (handlers.isEmpty()) throw error(text.length(), "the program has no handler; write `on record { ... }`");
        return new Program(states, handlers);
    }

    private StateDecl state(int at) throws ProgramError {
        String name = name("a state name");
        String type = word("a type such as DOUBLE, LIST<STRING> or MAP<STRING, BIGINT>");
        StateKind kind = StateKind.VALUE;
        String keyType = null;
        String valueType = type;
        if (type.equalsIgnoreCase("LIST") || type.equalsIgnoreCase("MAP") || type.equalsIgnoreCase("ARRAY")) {
            expect("<");
            String first = typeName();
            if (type.equalsIgnoreCase("MAP")) {
                expect(",");
                keyType = first;
                valueType = typeName();
                kind = StateKind.MAP;
            } else {
                valueType = type.equalsIgnoreCase("ARRAY") ? "ARRAY<" + first + ">" : first;
                if (type.equalsIgnoreCase("LIST")) kind = StateKind.LIST;
            }
            expect(">");
        }
        Long ttl = null;
        boolean refreshOnRead = false;
        skipSpace();
        if (peekWord("ttl")) {
            word("ttl");
            skipSpace();
            int durAt = p;
            String d = word("a duration such as 10s or 5m");
            try {
                ttl = Durations.parse(d);
            } catch (IllegalArgumentException e) {
                throw error(durAt, e.getMessage());
            }
            if (ttl <= 0) throw error(durAt, "a time-to-live must be longer than 0");
            skipSpace();
            if (peekWord("refresh")) {
                word("refresh");
                keyword("on");
                keyword("read");
                refreshOnRead = true;
            }
        }
        expect(";");
        return new StateDecl(name, kind, keyType, valueType, ttl, refreshOnRead, at);
    }

    private String typeName() throws ProgramError {
        skipSpace();
        String t = word("a type such as STRING, BIGINT, DOUBLE, BOOLEAN or TIMESTAMP");
        skipSpace();
        if (t.equalsIgnoreCase("ARRAY") && peek('<')) {
            expect("<");
            String e = typeName();
            expect(">");
            return "ARRAY<" + e + ">";
        }
        return t;
    }

    private Handler handler(int at) throws ProgramError {
        skipSpace();
        int kindAt = p;
        String what = word("`record` or `timer`");
        HandlerKind kind;
        if (what.equalsIgnoreCase("record")) kind = HandlerKind.RECORD;
        else if (what.equalsIgnoreCase("timer")) kind = HandlerKind.TIMER;
        else throw error(kindAt, "expected `on record` or `on timer`, not `on " + what + "`");
        return new Handler(kind, block(), at);
    }

    private List<Statement> block() throws ProgramError {
        expect("{");
        if (++nesting > MAX_NESTING) throw error(p, "blocks are nested more than " + MAX_NESTING + " deep");
        List<Statement> body = new ArrayList<>();
        while (true) {
            skipSpace();
            if (p >= text.length()) throw error(p, "expected `}` to close the block");
            if (peek('}')) {
                p++;
                nesting--;
                return body;
            }
            body.add(statement());
        }
    }

    private Statement statement() throws ProgramError {
        skipSpace();
        int at = p;
        String w = word("a statement");
        switch (w.toLowerCase(Locale.ROOT)) {
            case "let": {
                String name = name("the local's name");
                expect("=");
                Value v = value(";");
                expect(";");
                return new ProgramSyntax.Let(name, v, at);
            }
            case "if": return ifStatement(at);
            case "for": {
                String name = name("the element's name");
                keyword("in");
                Text array = expression("{", "the array to go through");
                return new For(name, array, block(), at);
            }
            case "emit": return emit(at);
            case "register": case "delete": {
                skipSpace();
                int domainAt = p;
                String d = word("`event` or `processing`");
                TimeDomain domain;
                if (d.equalsIgnoreCase("event")) domain = TimeDomain.EVENT;
                else if (d.equalsIgnoreCase("processing")) domain = TimeDomain.PROCESSING;
                else throw error(domainAt, "expected `event` or `processing` timer, not `" + d + "`");
                keyword("timer");
                Text time = expression(";", "the timer's time");
                expect(";");
                return new Timer(w.equalsIgnoreCase("register"), domain, time, at);
            }
            case "clear": {
                String name = name("the state to clear");
                expect(";");
                return new Call(name, "clear", List.of(), at);
            }
            default:
                break;
        }
        if (!PLAIN_NAME.matcher(w).matches()) throw error(at, "expected a statement, not `" + w + "`");
        String name = unquote(w);
        skipSpace();
        if (peek('.')) {
            p++;
            String method = word("a method such as add, put, remove or clear").toLowerCase(Locale.ROOT);
            List<Text> args = arguments();
            expect(";");
            return new Call(name, method, args, at);
        }
        if (peek('=')) {
            p++;
            Value v = value(";");
            expect(";");
            return new ProgramSyntax.Assign(name, v, at);
        }
        throw error(p, "expected `=` or `.` after `" + w + "`: a statement is let, an assignment, a state method, if, for,"
                + " emit, register/delete timer or clear");
    }

    private If ifStatement(int at) throws ProgramError {
        Text condition = expression("{", "a condition");
        List<Statement> then = block();
        List<Statement> otherwise = List.of();
        skipSpace();
        if (peekWord("else")) {
            word("else");
            skipSpace();
            if (peekWord("if")) {
                int elseIfAt = p;
                word("if");
                otherwise = List.of(ifStatement(elseIfAt));
            } else {
                otherwise = block();
            }
        }
        return new If(condition, then, otherwise, at);
    }

    private Emit emit(int at) throws ProgramError {
        skipSpace();
        String port = "out";
        if (peekWord("to")) {
            word("to");
            port = name("the output's name");
        }
        List<Item> items = new ArrayList<>();
        while (true) {
            Text t = expression(",;", "a value to emit");
            Matcher m = AS_NAME.matcher(t.text());
            if (m.matches()) {
                items.add(new Item(new Text(m.group(1), t.offset()), unquote(m.group(2))));
            } else if (PLAIN_NAME.matcher(t.text().trim()).matches()) {
                items.add(new Item(t, unquote(t.text().trim())));
            } else {
                throw error(t.offset(), "name the value `" + t.text().trim() + "` with AS, e.g. `" + t.text().trim() + " AS total`");
            }
            skipSpace();
            if (peek(',')) {
                p++;
                continue;
            }
            expect(";");
            return new Emit(port, items, at);
        }
    }

    /** After {@code =}: a map read ({@code m.get(k)}), or an expression. */
    private Value value(String end) throws ProgramError {
        skipSpace();
        int at = p;
        Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\.\\s*([A-Za-z_]+)\\s*\\(").matcher(text).region(p, text.length());
        if (m.lookingAt()) {
            p = m.start(2) + m.group(2).length();
            return new StateRead(m.group(1), m.group(2).toLowerCase(Locale.ROOT), arguments(), at);
        }
        return new ExprValue(expression(end, "a value"));
    }

    private List<Text> arguments() throws ProgramError {
        expect("(");
        List<Text> args = new ArrayList<>();
        skipSpace();
        if (peek(')')) {
            p++;
            return args;
        }
        while (true) {
            args.add(expression(",)", "an argument"));
            if (peek(',')) {
                p++;
                continue;
            }
            expect(")");
            return args;
        }
    }

    /** The text up to the first of {@code ends} outside quotes and brackets, not consumed. */
    private Text expression(String ends, String what) throws ProgramError {
        skipSpace();
        int start = p;
        int depth = 0;
        while (p < text.length()) {
            char c = text.charAt(p);
            if (c == '\'' || c == '`') {
                int close = text.indexOf(c, p + 1);
                while (close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == c) close = text.indexOf(c, close + 2);
                if (close < 0) throw error(p, "the quote " + c + " is not closed");
                p = close + 1;
                continue;
            }
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') {
                if (depth == 0 && ends.indexOf(c) >= 0) break;
                depth--;
            } else if (depth == 0 && (ends.indexOf(c) >= 0 || c == ';' || c == '{' || c == '}')) break;
            p++;
        }
        String expr = text.substring(start, p);
        if (expr.isBlank()) throw error(start, "expected " + what);
        if (p >= text.length()) throw error(p, "expected `" + ends.charAt(0) + "` after " + what);
        return new Text(expr, start);
    }

    private String name(String what) throws ProgramError {
        skipSpace();
        int at = p;
        String w = word(what);
        if (!PLAIN_NAME.matcher(w).matches()) throw error(at, "expected " + what + ", not `" + w + "`");
        return unquote(w);
    }

    private static String unquote(String w) {
        return w.startsWith("`") ? w.substring(1, w.length() - 1).replace("``", "`") : w;
    }

    /** A word, a backquoted name, or else the single character at hand. */
    private String word(String what) throws ProgramError {
        skipSpace();
        if (p >= text.length()) throw error(p, "expected " + what + " but the program ends");
        int start = p;
        char c = text.charAt(p);
        if (c == '`') {
            int close = text.indexOf('`', p + 1);
            while (close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == '`') close = text.indexOf('`', close + 2);
            if (close < 0) throw error(p, "the quote ` is not closed");
            p = close + 1;
            return text.substring(start, p);
        }
        if (Character.isLetterOrDigit(c) || c == '_') {
            while (p < text.length() && (Character.isLetterOrDigit(text.charAt(p)) || text.charAt(p) == '_')) p++;
            return text.substring(start, p);
        }
        p++;
        return text.substring(start, p);
    }

    private void keyword(String k) throws ProgramError {
        skipSpace();
        int at = p;
        String w = p < text.length() ? word("`" + k + "`") : "";
        if (!w.equalsIgnoreCase(k)) throw error(at, "expected `" + k + "`" + (w.isEmpty() ? "" : ", not `" + w + "`"));
    }

    private void expect(String s) throws ProgramError {
        skipSpace();
        if (!text.startsWith(s, p)) {
            String found = p >= text.length() ? "the end of the program" : "`" + text.charAt(p) + "`";
            if (s.equals(";")) {
                // A missing semicolon belongs to the end of the statement, not to whatever comes next.
                int end = p;
                while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
                throw error(end, "expected `;` to end the statement, but found " + found);
            }
            throw error(p, "expected `" + s + "` but found " + found);
        }
        p += s.length();
    }

    private boolean peek(char c) { return p < text.length() && text.charAt(p) == c; }

    private boolean peekWord(String w) {
        int end = p + w.length();
        return text.regionMatches(true, p, w, 0, w.length())
                && (end >= text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'));
    }

    private void skipSpace() {
        while (p < text.length() && Character.isWhitespace(text.charAt(p))) p++;
    }

    private ProgramError error(int offset, String reason) { return source.error(offset, reason); }
}
