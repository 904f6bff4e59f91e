/**
 * Runtime values. Values are immutable once forced; {@link dev.sysbuild.eval.value.Thunk} is the
 * only mutable one (suspended, in progress, evaluated). Strings are byte strings: each Java char
 * holds one byte (0-255), so lengths, substrings, ordering and regexes work on bytes as in Nix.
 */
package dev.sysbuild.eval.value;
