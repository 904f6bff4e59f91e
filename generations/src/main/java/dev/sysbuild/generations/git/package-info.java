/**
 * The configuration repository in git (JGit): which commit built a generation, what was
 * uncommitted, evaluating an exact revision without touching the work tree, and the history
 * shown beside the generations. Nothing here evaluates the language; the evaluator reports the
 * files it read and this package reads git.
 */
package dev.sysbuild.generations.git;
