/**
 * SQL-flavoured expressions for pipeline files: filters, computed fields and keys.
 *
 * <p>{@link dev.eddy.expr.Expressions#compile} runs lexer, parser and type checker, then builds a tree
 * of small closures with every type decision already made. The language can only call the functions
 * of {@link dev.eddy.expr.FunctionCatalog}; there is no reflection, class loading or lookup by name at
 * evaluation time, so opening a pipeline file someone sent cannot run arbitrary code.
 */
package dev.eddy.expr;
