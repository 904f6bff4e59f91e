/**
 * Moving closures between stores: {@code store export} writes the closure of some paths as one
 * zstd-compressed tar holding a JSON manifest and each path's NAR; {@code store import} checks
 * such an archive completely (every NAR against its recorded hash and size, every reference
 * closed within the archive or already valid) before it registers anything. The format is in
 * {@code docs/store-format.md}.
 */
package dev.sysbuild.store.transfer;
