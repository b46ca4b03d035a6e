package dev.eddy.expr;

import dev.eddy.expr.Expr.BinaryOp;
import dev.eddy.expr.Lexer.Kind;
import dev.eddy.expr.Lexer.Token;
import dev.eddy.types.DataType;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive descent over the SQL precedence levels, lowest first:
 * OR, AND, NOT, comparison/LIKE/IN/BETWEEN/IS, ||, + -, * / %, unary -, postfix [i].
 */
final class Parser {
    /** Words that can never name a field without backquotes, because they end or join expressions. */
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "IN", "BETWEEN", "IS",
            "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END");
    private static final Set<String> OPERATOR_WORDS = Set.of("AND", "OR", "NOT", "LIKE", "IN", "BETWEEN", "IS");

    /** Each level costs about ten stack frames here; the limit keeps hostile input from overflowing the stack. */
    static final int MAX_NESTING = 100;

    private final List<Token> tokens;
    private int p;
    private int nesting = -1;

    private Parser(List<Token> tokens) { this.tokens = tokens; }

    static Syntax parse(String text) throws ExpressionError {
        Parser parser = new Parser(Lexer.tokenize(text));
        if (parser.peek().kind() == Kind.END) throw new ExpressionError(1, "the expression is empty");
        Syntax s = parser.or();
        if (parser.peek().kind() != Kind.END) throw expected("an operator or the end of the expression", parser.peek());
        return s;
    }

    private Syntax or() throws ExpressionError {
        enter(peek());
        Syntax left = and();
        while (peek().isKeyword("OR")) {
            Token op = next();
            left = new Syntax.Binary(BinaryOp.OR, left, and(), op.pos());
        }
        nesting--;
        return left;
    }

    private void enter(Token at) throws ExpressionError {
        if (++nesting > MAX_NESTING) {
            throw new ExpressionError(at.pos() + 1, "the expression is nested more than " + MAX_NESTING + " levels deep");
        }
    }

    private Syntax and() throws ExpressionError {
        Syntax left = not();
        while (peek().isKeyword("AND")) {
            Token op = next();
            left = new Syntax.Binary(BinaryOp.AND, left, not(), op.pos());
        }
        return left;
    }

    private Syntax not() throws ExpressionError {
        if (peek().isKeyword("NOT")) {
            Token op = next();
            enter(op);
            Syntax operand = not();
            nesting--;
            return new Syntax.Unary(Expr.UnaryOp.NOT, operand, op.pos());
        }
        return predicate();
    }

    private Syntax predicate() throws ExpressionError {
        Syntax left = concat();
        while (true) {
            Token t = peek();
            BinaryOp cmp = comparison(t);
            if (cmp != null) {
                next();
                left = new Syntax.Binary(cmp, left, concat(), t.pos());
                continue;
            }
            if (t.isKeyword("IS")) {
                next();
                boolean negated = acceptKeyword("NOT");
                Token w = peek();
                Expr.Test test = w.isKeyword("NULL") ? Expr.Test.NULL
                        : w.isKeyword("TRUE") ? Expr.Test.TRUE : w.isKeyword("FALSE") ? Expr.Test.FALSE : null;
                if (test == null) throw expected("NULL, TRUE or FALSE after IS", w);
                next();
                left = new Syntax.Is(left, test, negated, t.pos());
                continue;
            }
            Token after = peek(1);
            boolean negated = t.isKeyword("NOT")
                    && (after.isKeyword("LIKE") || after.isKeyword("IN") || after.isKeyword("BETWEEN"));
            Token op = negated ? after : t;
            if (op.isKeyword("LIKE")) {
                skip(negated);
                Syntax pattern = concat();
                Syntax escape = acceptKeyword("ESCAPE") ? concat() : null;
                left = new Syntax.Like(left, pattern, escape, negated, t.pos());
            } else if (op.isKeyword("IN")) {
                skip(negated);
                expectSymbol("(");
                if (peek().isSymbol(")")) throw new ExpressionError(peek().pos() + 1, "IN () needs at least one value");
                List<Syntax> list = new ArrayList<>();
                do list.add(or()); while (acceptSymbol(","));
                expectSymbol(")", "',' or ')'");
                left = new Syntax.In(left, list, negated, t.pos());
            } else if (op.isKeyword("BETWEEN")) {
                skip(negated);
                Syntax low = concat();
                expectKeyword("AND");
                left = new Syntax.Between(left, low, concat(), negated, t.pos());
            } else {
                return left;
            }
        }
    }

    private static BinaryOp comparison(Token t) {
        if (t.kind() != Kind.SYMBOL) return null;
        switch (t.text()) {
            case "=": return BinaryOp.EQ;
            case "<>": case "!=": return BinaryOp.NE;
            case "<": return BinaryOp.LT;
            case "<=": return BinaryOp.LE;
            case ">": return BinaryOp.GT;
            case ">=": return BinaryOp.GE;
            default: return null;
        }
    }

    private Syntax concat() throws ExpressionError {
        Syntax left = additive();
        while (peek().isSymbol("||")) {
            Token op = next();
            left = new Syntax.Binary(BinaryOp.CONCAT, left, additive(), op.pos());
        }
        return left;
    }

    private Syntax additive() throws ExpressionError {
        Syntax left = multiplicative();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            Token op = next();
            BinaryOp kind = op.text().equals("+") ? BinaryOp.ADD : BinaryOp.SUBTRACT;
            left = new Syntax.Binary(kind, left, multiplicative(), op.pos());
        }
        return left;
    }

    private Syntax multiplicative() throws ExpressionError {
        Syntax left = unary();
        while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
            Token op = next();
            BinaryOp kind = op.text().equals("*") ? BinaryOp.MULTIPLY
                    : op.text().equals("/") ? BinaryOp.DIVIDE : BinaryOp.MODULO;
            left = new Syntax.Binary(kind, left, unary(), op.pos());
        }
        return left;
    }

    private Syntax unary() throws ExpressionError {
        Token t = peek();
        if (!t.isSymbol("-")) return postfix(primary());
        next();
        Token number = peek();
        if (number.kind() == Kind.INTEGER) {
            // Folded here so that -9223372036854775808, whose digits alone overflow, is a valid literal.
            next();
            return postfix(integer("-" + number.text(), t.pos()));
        }
        enter(t);
        Syntax operand = unary();
        nesting--;
        return new Syntax.Unary(Expr.UnaryOp.NEGATE, operand, t.pos());
    }

    private Syntax postfix(Syntax base) throws ExpressionError {
        Syntax e = base;
        while (peek().isSymbol("[")) {
            Token open = next();
            Syntax index = or();
            expectSymbol("]");
            e = new Syntax.Index(e, index, open.pos());
        }
        return e;
    }

    private Syntax primary() throws ExpressionError {
        Token t = peek();
        switch (t.kind()) {
            case STRING:
                next();
                return new Syntax.Lit(t.text(), DataType.STRING, t.pos());
            case INTEGER:
                next();
                return integer(t.text(), t.pos());
            case DECIMAL:
                next();
                double d = Double.parseDouble(t.text());
                if (Double.isInfinite(d)) throw new ExpressionError(t.pos() + 1, "number " + t.text() + " is too large for DOUBLE");
                return new Syntax.Lit(d, DataType.DOUBLE, t.pos());
            case QUOTED_IDENT:
                next();
                return new Syntax.Ident(t.text(), t.pos());
            case IDENT:
                return word(t);
            default:
                if (t.isSymbol("(")) {
                    next();
                    Syntax inner = or();
                    expectSymbol(")");
                    return inner;
                }
                throw expected("an expression", t);
        }
    }

    private Syntax word(Token t) throws ExpressionError {
        String upper = t.text().toUpperCase(Locale.ROOT);
        switch (upper) {
            case "NULL": next(); return new Syntax.Lit(null, DataType.NULL, t.pos());
            case "TRUE": next(); return new Syntax.Lit(Boolean.TRUE, DataType.BOOLEAN, t.pos());
            case "FALSE": next(); return new Syntax.Lit(Boolean.FALSE, DataType.BOOLEAN, t.pos());
            case "CASE": return caseExpr();
            default: break;
        }
        Token after = peek(1);
        if (upper.equals("TIMESTAMP") && after.kind() == Kind.STRING) {
            next();
            next();
            try {
                return new Syntax.Lit(Timestamps.parse(after.text()), DataType.TIMESTAMP, t.pos());
            } catch (DateTimeException e) {
                throw new ExpressionError(after.pos() + 1, Values.quote(after.text()) + " is not a timestamp; write "
                        + "TIMESTAMP 'yyyy-MM-dd HH:mm:ss[.SSS]' (UTC) or ISO-8601 like '2024-01-01T12:00:00Z'");
            }
        }
        if (upper.equals("ARRAY") && after.isSymbol("[")) return arrayOf();
        if (after.isSymbol("(") && !RESERVED.contains(upper)) {
            if (upper.equals("CAST") || upper.equals("TRY_CAST")) return cast(upper.equals("TRY_CAST"));
            return call(upper);
        }
        if (RESERVED.contains(upper)) {
            String hint = OPERATOR_WORDS.contains(upper) ? ""
                    : "; " + upper + " is a keyword (write `" + t.text() + "` for a field of that name)";
            throw new ExpressionError(t.pos() + 1, "expected an expression but found '" + t.text() + "'" + hint);
        }
        next();
        return new Syntax.Ident(t.text(), t.pos());
    }

    private Syntax call(String name) throws ExpressionError {
        Token nameToken = next();
        next();
        List<Syntax> args = new ArrayList<>();
        if (acceptSymbol(")")) return new Syntax.Call(name, args, nameToken.pos());
        if (name.equals("COUNT") && peek().isSymbol("*") && peek(1).isSymbol(")")) {
            // Parsed only so the type checker can say that aggregates belong in an aggregate node.
            p += 2;
            return new Syntax.Call(name, args, nameToken.pos());
        }
        if (name.equals("POSITION")) {
            // SQL's POSITION(needle IN s): the needle stops before IN, so parse it above the IN level.
            args.add(concat());
            if (acceptKeyword("IN")) {
                args.add(concat());
                expectSymbol(")");
                return new Syntax.Call(name, args, nameToken.pos());
            }
        } else {
            args.add(or());
            if ((name.equals("SUBSTRING") || name.equals("SUBSTR")) && acceptKeyword("FROM")) {
                args.add(or());
                if (acceptKeyword("FOR")) args.add(or());
                expectSymbol(")");
                return new Syntax.Call(name, args, nameToken.pos());
            }
        }
        while (acceptSymbol(",")) args.add(or());
        expectSymbol(")", "',' or ')'");
        return new Syntax.Call(name, args, nameToken.pos());
    }

    private Syntax caseExpr() throws ExpressionError {
        Token start = next();
        Syntax operand = peek().isKeyword("WHEN") ? null : or();
        if (!peek().isKeyword("WHEN")) throw expected("WHEN", peek());
        List<Syntax> whens = new ArrayList<>();
        List<Syntax> thens = new ArrayList<>();
        while (acceptKeyword("WHEN")) {
            whens.add(or());
            expectKeyword("THEN");
            thens.add(or());
        }
        Syntax otherwise = acceptKeyword("ELSE") ? or() : null;
        if (!acceptKeyword("END")) throw expected(otherwise == null ? "WHEN, ELSE or END" : "END", peek());
        return new Syntax.Case(operand, whens, thens, otherwise, start.pos());
    }

    private Syntax cast(boolean orNull) throws ExpressionError {
        Token start = next();
        next();
        Syntax operand = or();
        expectKeyword("AS");
        DataType type = typeName();
        expectSymbol(")");
        return new Syntax.Cast(operand, type, orNull, start.pos());
    }

    private DataType typeName() throws ExpressionError {
        Token t = peek();
        if (t.kind() != Kind.IDENT) throw expected("a type name", t);
        next();
        if (t.isKeyword("ARRAY")) {
            expectSymbol("<");
            DataType element = typeName();
            expectSymbol(">");
            return DataType.arrayOf(element);
        }
        try {
            return DataType.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw new ExpressionError(t.pos() + 1, "'" + t.text() + "' is not a type; use STRING, BIGINT, DOUBLE, "
                    + "BOOLEAN, TIMESTAMP or ARRAY<type>");
        }
    }

    private Syntax arrayOf() throws ExpressionError {
        Token start = next();
        next();
        if (peek().isSymbol("]")) throw new ExpressionError(peek().pos() + 1, "ARRAY[] needs at least one element");
        List<Syntax> elements = new ArrayList<>();
        do elements.add(or()); while (acceptSymbol(","));
        expectSymbol("]", "',' or ']'");
        return new Syntax.ArrayOf(elements, start.pos());
    }

    private Syntax.Lit integer(String digits, int pos) throws ExpressionError {
        try {
            return new Syntax.Lit(Long.parseLong(digits), DataType.BIGINT, pos);
        } catch (NumberFormatException e) {
            throw new ExpressionError(pos + 1, "integer " + digits + " does not fit in BIGINT (-9223372036854775808 to "
                    + "9223372036854775807); write " + digits + ".0 for a DOUBLE");
        }
    }

    private Token peek() { return tokens.get(p); }

    private Token peek(int ahead) { return tokens.get(Math.min(p + ahead, tokens.size() - 1)); }

    private Token next() {
        Token t = tokens.get(p);
        if (t.kind() != Kind.END) p++;
        return t;
    }

    private void skip(boolean negated) { p += negated ? 2 : 1; }

    private boolean acceptKeyword(String k) {
        if (!peek().isKeyword(k)) return false;
        p++;
        return true;
    }

    private boolean acceptSymbol(String s) {
        if (!peek().isSymbol(s)) return false;
        p++;
        return true;
    }

    private void expectSymbol(String s) throws ExpressionError { expectSymbol(s, "'" + s + "'"); }

    private void expectSymbol(String s, String what) throws ExpressionError {
        if (!acceptSymbol(s)) throw expected(what, peek());
    }

    private void expectKeyword(String k) throws ExpressionError {
        if (!acceptKeyword(k)) throw expected(k, peek());
    }

    private static ExpressionError expected(String what, Token found) {
        return new ExpressionError(found.pos() + 1, "expected " + what + " but found " + found.describe());
    }
}
