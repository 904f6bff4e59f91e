/**
 * Debian's package metadata: {@code Packages} indexes (deb822 stanzas, plain or compressed), a
 * directory of {@code .deb} files read as one ({@link dev.sysbuild.store.debian.DebArchive}), a
 * package's {@code control} file ({@link dev.sysbuild.store.debian.DebControl}),
 * Debian version ordering, and resolution of {@code Depends} to the packages of one index, so
 * that an index becomes a package set in the language ({@code sysbuild debian index}).
 */
package dev.sysbuild.store.debian;
