/**
 * The evaluation cache of the system commands (like Nix flakes' eval cache): the toplevel a
 * configuration evaluated to, kept under {@code R/sysbuild/var/cache/eval/} and keyed by
 * everything evaluation depended on, so a {@code switch} with nothing changed skips evaluating
 * the OS modules. {@link dev.sysbuild.cli.evalcache.RecordingIO} sees every input from outside
 * (files, directories, the environment, the time) as evaluation asks for it;
 * {@link dev.sysbuild.cli.evalcache.Observations} replays those questions to decide whether an
 * entry still holds; {@link dev.sysbuild.cli.evalcache.EvalCache} stores entries atomically.
 */
package dev.sysbuild.cli.evalcache;
