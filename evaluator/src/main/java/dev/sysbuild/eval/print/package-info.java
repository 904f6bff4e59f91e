/** Printing values: Nix's own syntax (as nix-instantiate prints it), JSON and XML. */
package dev.sysbuild.eval.print;
