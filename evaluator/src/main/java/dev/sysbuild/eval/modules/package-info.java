/**
 * Java fast paths for the module system in {@code lib/modules.nix}: the same results as the Nix
 * functions they stand for, with fewer calls, thunks and retained scopes per option. Each one
 * takes the Nix implementation as an argument and hands over to it on anything unusual (an
 * error, a property it does not know), so error messages stay exactly those of the Nix code.
 */
package dev.sysbuild.eval.modules;
