package dev.eddy.expr;

import dev.eddy.types.Row;

/**
 * One node of a compiled expression. Each node is made once, with its operand types already
 * resolved, so evaluating a row is a walk of small closures with no type dispatch. Nodes never
 * touch the row except field references, which is what makes constant folding with a null row safe.
 */
@FunctionalInterface
interface Ev {
    Object eval(Row row);
}
