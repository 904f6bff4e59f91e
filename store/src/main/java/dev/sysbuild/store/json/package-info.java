/** JSON for sysbuild's own files (manifests, generation metadata), with plain Java values. */
package dev.sysbuild.store.json;
