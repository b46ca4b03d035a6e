package dev.eddy.expr;

import dev.eddy.types.DataType;
import dev.eddy.types.Row;
import java.util.Set;

/**
 * A parsed, type-checked expression ready to evaluate rows of the schema it was compiled for.
 * Immutable and safe to share between threads.
 */
public final class CompiledExpression {
    private final String text;
    private final Expr ast;
    private final Set<String> fieldsUsed;
    private final Ev evaluator;

    CompiledExpression(String text, Expr ast, Ev evaluator) {
        this.text = text;
        this.ast = ast;
        this.fieldsUsed = Exprs.fieldsUsed(ast);
        this.evaluator = evaluator;
    }

    /** The source text as written. */
    public String text() { return text; }

    /** The result type; NULL only for an expression that is the bare NULL literal or made only of NULLs. */
    public DataType type() { return ast.type(); }

    /** Names of the input fields the expression reads, in order of first use. */
    public Set<String> fieldsUsed() { return fieldsUsed; }

    /** The typed syntax tree, for tools that translate expressions (e.g. to Flink SQL). */
    public Expr ast() { return ast; }

    /**
     * The value for one row, of the runtime class matching {@link #type()}, or null.
     *
     * @throws EvaluationException on a runtime error such as a BIGINT division by zero, or when the
     *         row does not have the shape of the schema the expression was compiled against
     */
    public Object evaluate(Row row) {
        try {
            return evaluator.eval(row);
        } catch (EvaluationException e) {
            throw e;
        } catch (ClassCastException | IndexOutOfBoundsException e) {
            throw new EvaluationException("cannot evaluate `" + text + "`: the row does not match the schema the "
                    + "expression was compiled for (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw new EvaluationException("cannot evaluate `" + text + "`: " + e, e);
        }
    }

    @Override
    public String toString() { return text; }
}
