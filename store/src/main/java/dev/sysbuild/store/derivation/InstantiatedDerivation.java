package dev.sysbuild.store.derivation;

import dev.sysbuild.store.path.StorePath;

/**
 * A derivation with its output paths filled in, and the store path its {@code .drv} file has
 * (or will have once written; computing it writes nothing).
 */
public record InstantiatedDerivation(StorePath drvPath, Derivation derivation) {}
