/**
 * Debian's package metadata: {@code Packages} indexes (deb822 stanzas, plain or compressed),
 * Debian version ordering, and resolution of {@code Depends} to the packages of one index, so
 * that an index becomes a package set in the language ({@code sysbuild debian index}).
 */
package dev.sysbuild.store.debian;
