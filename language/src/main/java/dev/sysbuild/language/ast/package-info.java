/**
 * The immutable AST: records behind the sealed {@link dev.sysbuild.language.ast.Expr}, each with
 * a source span. Nested attribute paths are already merged and relative paths already resolved.
 */
package dev.sysbuild.language.ast;
