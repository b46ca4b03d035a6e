package dev.eddy.expr;

/**
 * One entry of the function list, for documentation and editor help.
 *
 * @param name      the name to call, upper case (names are case-insensitive)
 * @param signature parameter names and types, e.g. {@code SUBSTRING(s STRING, start BIGINT[, length BIGINT])};
 *                  T stands for any type shared by the arguments, N for BIGINT or DOUBLE, C for any type but ARRAY
 * @param returns   the result type, possibly in terms of T, N or C
 * @param category  string, math, time, conditional or array
 * @param description one sentence
 */
public record FunctionDoc(String name, String signature, String returns, String category, String description) {}
