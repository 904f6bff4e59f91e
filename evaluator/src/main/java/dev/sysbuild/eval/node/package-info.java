/**
 * The executable form of an expression: the {@link dev.sysbuild.eval.node.Compiler} turns the AST
 * into a tree of {@link dev.sysbuild.eval.node.Node}s whose variables are already resolved to an
 * (environment level, slot) pair, so evaluation never looks names up by string except under
 * {@code with}.
 */
package dev.sysbuild.eval.node;
