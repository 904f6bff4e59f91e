/** Not API: the ANTLR-generated lexer and parser and the visitor that turns their tree into our AST. */
package dev.sysbuild.language.internal;
