/**
 * Finding and neutralising store references inside bytes. {@link
 * dev.sysbuild.store.refs.ReferenceScanner} reports which candidate hash parts occur in a stream
 * (the references of a build output, as Nix 2.8's {@code references.cc} finds them); {@link
 * dev.sysbuild.store.refs.SelfReferenceHasher} hashes a NAR with its own hash part blanked out,
 * which is how a path that refers to itself gets a content address ({@code source:...:self}).
 */
package dev.sysbuild.store.refs;
