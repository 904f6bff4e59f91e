/**
 * The Nix language front end: {@link dev.sysbuild.language.Parser} turns source text into
 * our own immutable AST ({@link dev.sysbuild.language.ast}), running the static checks Nix
 * does at parse time. Nothing outside this module sees an ANTLR type.
 */
package dev.sysbuild.language;
